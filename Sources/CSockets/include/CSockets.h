#ifndef SWITCHBOARD_CSOCKETS_H
#define SWITCHBOARD_CSOCKETS_H

#include <stddef.h>
#include <sys/socket.h>

/* Socket calls that Swift's Glibc module does not declare: sendmmsg(2) and recvmmsg(2) (GNU
   extensions) and the classic BPF program of a SO_REUSEPORT group. */

/* Steering within a SO_REUSEPORT group (socket(7)): sockets of one user bound to the same address
   and port share the datagrams that arrive there, and a classic BPF program attached to the group
   picks, for each datagram, the index of the socket that gets it (SO_ATTACH_REUSEPORT_CBPF, Linux
   4.5). Indexes follow the order in which the sockets joined the group. */

/// Attaches to `descriptor`, which has SO_REUSEPORT set and is not bound yet, a program that gives
/// every datagram to the group's first socket: `descriptor` itself once it is bound first. Returns 0,
/// or -1 with errno set.
int socket_steering_to_first(int descriptor);

/// Opens a non-blocking, close-on-exec UDP socket for `address` and binds it there, after setting
/// the SOL_SOCKET options `options[i]` to `values[i]` (the first `option_count`) and, with
/// `steer_to_first`, attaching `socket_steering_to_first`. Returns the descriptor, or -1 with errno
/// set and `*failed_step` naming the call that failed (the socket closed).
int socket_open_datagram(const struct sockaddr *address, socklen_t address_length, const int *options, const int *values,
                         size_t option_count, int steer_to_first, const char **failed_step);

/// One datagram to send: `length` bytes at `bytes`, to the `address_length` bytes of `address`.
struct socket_datagram {
    const void *bytes;
    size_t length;
    const struct sockaddr *address;
    socklen_t address_length;
};

/// Sends `count` datagrams in order from the non-blocking socket `descriptor`, up to 64 per
/// sendmmsg(2). A datagram the kernel refuses is skipped and the rest still sent, except when the
/// send buffer is full (EAGAIN, EWOULDBLOCK, ENOBUFS), which drops the rest. Returns how many were
/// sent; `*refused_error` is the errno of the last refusal, 0 when none.
size_t socket_send_datagrams(int descriptor, const struct socket_datagram *datagrams, size_t count, int *refused_error);

/// Room for one datagram to receive, and what was received there: `length` bytes (cut to
/// `capacity`) from `source`.
struct socket_received_datagram {
    void *bytes;
    size_t capacity;
    size_t length;
    struct sockaddr_storage source;
};

/// Receives, with one recvmmsg(2) that does not block, up to `count` (at most 64) of the datagrams
/// already waiting on `descriptor`. Returns how many were received: 0 when none waits, or when the
/// socket reports an error, which its next read reports again or the caller may ignore as UDP's loss.
size_t socket_receive_datagrams(int descriptor, struct socket_received_datagram *datagrams, size_t count);

#endif
