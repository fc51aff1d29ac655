#ifndef SWITCHBOARD_COSIP_SHIM_H
#define SWITCHBOARD_COSIP_SHIM_H

#include <osipparser2/osip_parser.h>
#include <osipparser2/osip_message.h>
#include <osipparser2/sdp_message.h>
#include <osipparser2/osip_port.h>
#include <stdarg.h>

/* Swift cannot import osip's function-like macros; inline functions here stand in for the ones needed. */

/// The trace function cosip_silence_traces installs: it drops every trace.
static inline void cosip_discard_trace(const char *file, int line, osip_trace_level_t level, const char *format, va_list arguments) {
    (void) file; (void) line; (void) level; (void) format; (void) arguments;
}

/// Turns libosip2's traces off; left alone, the library prints every parse error to stdout.
static inline void cosip_silence_traces(void) { osip_trace_initialize_func(TRACE_LEVEL0, cosip_discard_trace); }

#endif
