#ifndef SWITCHBOARD_COSIP_SHIM_H
#define SWITCHBOARD_COSIP_SHIM_H

#include <osipparser2/osip_parser.h>
#include <osipparser2/osip_message.h>
#include <osipparser2/sdp_message.h>
#include <osipparser2/osip_port.h>

/* Swift cannot import osip's function-like macros; these inline functions stand in for them. */

/// osip_free: releases memory that libosip2 allocated.
static inline void cosip_free(void *pointer) { osip_free(pointer); }

#endif
