#ifndef SWITCHBOARD_CSOCKETSTEERING_H
#define SWITCHBOARD_CSOCKETSTEERING_H

/* Steering within a SO_REUSEPORT group (socket(7)): sockets of one user bound to the same address
   and port share the datagrams that arrive there, and a classic BPF program attached to the group
   picks, for each datagram, the index of the socket that gets it (SO_ATTACH_REUSEPORT_CBPF, Linux
   4.5). Indexes follow the order in which the sockets joined the group. */

/// Attaches to `descriptor`, which has SO_REUSEPORT set and is not bound yet, a program that gives
/// every datagram to the group's first socket: `descriptor` itself once it is bound first. Returns 0,
/// or -1 with errno set.
int socket_steering_to_first(int descriptor);

#endif
