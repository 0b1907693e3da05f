/* ps2/ps2.h: the whole ps2 library: the 8042 controller, PS/2 devices and keyboard
 * commands, the scan-code decoder, modifiers and layouts; the mouse. */
#ifndef PS2_PS2_H
#define PS2_PS2_H

#include "ps2/backend.h"
#include "ps2/controller.h"
#include "ps2/device.h"
#include "ps2/keyboard.h"
#include "ps2/keycode.h"
#include "ps2/layout.h"
#include "ps2/modifiers.h"
#include "ps2/mouse.h"
#include "ps2/scancode.h"
#include "ps2/status.h"
#include "ps2/version.h"

#endif
