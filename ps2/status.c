/* ps2/status.c: names of the statuses. */
#include "ps2/status.h"

const char *ps2_status_str(enum ps2_status status)
{
    switch (status) {
    case PS2_OK: return "PS2_OK";
    case PS2_NO_CONTROLLER: return "PS2_NO_CONTROLLER";
    case PS2_TIMEOUT: return "PS2_TIMEOUT";
    case PS2_SELF_TEST_FAILED: return "PS2_SELF_TEST_FAILED";
    case PS2_PORT_TEST_FAILED: return "PS2_PORT_TEST_FAILED";
    case PS2_NO_PORT: return "PS2_NO_PORT";
    case PS2_NO_DEVICE: return "PS2_NO_DEVICE";
    case PS2_RESEND_LIMIT: return "PS2_RESEND_LIMIT";
    case PS2_BAD_RESPONSE: return "PS2_BAD_RESPONSE";
    case PS2_DEVICE_TEST_FAILED: return "PS2_DEVICE_TEST_FAILED";
    case PS2_BAD_ARGUMENT: return "PS2_BAD_ARGUMENT";
    case PS2_WOULD_BLOCK: return "PS2_WOULD_BLOCK";
    case PS2_ERROR_BIT: return "PS2_ERROR_BIT";
    case PS2_PENDING: return "PS2_PENDING";
    case PS2_IGNORED: return "PS2_IGNORED";
    case PS2_UNKNOWN_SCANCODE: return "PS2_UNKNOWN_SCANCODE";
    case PS2_KEY_OVERRUN: return "PS2_KEY_OVERRUN";
    case PS2_NO_CHARACTER: return "PS2_NO_CHARACTER";
    case PS2_DEAD_KEY: return "PS2_DEAD_KEY";
    case PS2_BAD_PACKET: return "PS2_BAD_PACKET";
    }
    return "unknown";
}
