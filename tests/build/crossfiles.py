"""Read the compiler arguments of the Meson cross files in cross/."""
import ast
import configparser
import os


def cross_args(root, name):
    """(c_args, c_link_args) of cross/NAME.ini as Python lists."""
    cp = configparser.ConfigParser()
    cp.read(os.path.join(root, "cross", name + ".ini"))
    opts = cp["built-in options"]
    return ast.literal_eval(opts["c_args"]), ast.literal_eval(opts.get("c_link_args", "[]"))


CROSS_NAMES = ["x86_64-kernel", "i686", "aarch64", "riscv64"]
