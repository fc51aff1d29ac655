#ifndef SWITCHBOARD_CSRTP_SHIM_H
#define SWITCHBOARD_CSRTP_SHIM_H

#include <srtp2/srtp.h>
#include <srtp2/cipher.h>

/* Swift cannot import SRTP_MAX_TRAILER_LEN (a macro built from macros); this stands in for it. */

/// The most bytes srtp_protect and srtp_protect_rtcp append to a packet: tag, MKI and SRTCP index.
static inline int csrtp_max_trailer_length(void) { return SRTP_MAX_TRAILER_LEN + 4; }

/// libsrtp's AES counter mode cipher type (RFC 3711 §4.1.1), exported by the library but declared
/// only in a header it does not install; the tests read RFC 3711's keystream vectors through it.
extern const srtp_cipher_type_t srtp_aes_icm_128;

#endif
