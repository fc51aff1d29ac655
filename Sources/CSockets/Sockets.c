#define _GNU_SOURCE
#include "CSockets.h"

#include <errno.h>
#include <linux/filter.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int socket_steering_to_first(int descriptor) {
    struct sock_filter first = BPF_STMT(BPF_RET | BPF_K, 0);
    struct sock_fprog program = {.len = 1, .filter = &first};
    return setsockopt(descriptor, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &program, sizeof program);
}

int socket_open_datagram(const struct sockaddr *address, socklen_t address_length, const int *options, const int *values,
                         size_t option_count, int steer_to_first, const char **failed_step) {
    int descriptor = socket(address->sa_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0) {
        *failed_step = "socket";
        return -1;
    }
    *failed_step = NULL;
    for (size_t index = 0; index < option_count && !*failed_step; index++) {
        if (setsockopt(descriptor, SOL_SOCKET, options[index], &values[index], sizeof values[index]) != 0) *failed_step = "setsockopt";
    }
    if (!*failed_step && steer_to_first && socket_steering_to_first(descriptor) != 0) *failed_step = "setsockopt(SO_ATTACH_REUSEPORT_CBPF)";
    if (!*failed_step && bind(descriptor, address, address_length) != 0) *failed_step = "bind";
    if (!*failed_step) return descriptor;
    int code = errno;
    close(descriptor);
    errno = code;
    return -1;
}

enum { batch_limit = 64 };

size_t socket_send_datagrams(int descriptor, const struct socket_datagram *datagrams, size_t count, int *refused_error) {
    struct mmsghdr headers[batch_limit];
    struct iovec vectors[batch_limit];
    size_t sent = 0, next = 0;
    *refused_error = 0;
    while (next < count) {
        unsigned batch = count - next < batch_limit ? (unsigned)(count - next) : batch_limit;
        memset(headers, 0, sizeof headers[0] * batch);
        for (unsigned index = 0; index < batch; index++) {
            const struct socket_datagram *datagram = &datagrams[next + index];
            vectors[index].iov_base = (void *)datagram->bytes;
            vectors[index].iov_len = datagram->length;
            headers[index].msg_hdr.msg_name = (void *)datagram->address;
            headers[index].msg_hdr.msg_namelen = datagram->address_length;
            headers[index].msg_hdr.msg_iov = &vectors[index];
            headers[index].msg_hdr.msg_iovlen = 1;
        }
        int result = sendmmsg(descriptor, headers, batch, MSG_DONTWAIT);
        if (result > 0) {
            sent += (size_t)result;
            next += (size_t)result;
            continue;
        }
        if (result < 0 && errno == EINTR) continue;
        *refused_error = result < 0 ? errno : EIO;
        if (*refused_error == EAGAIN || *refused_error == EWOULDBLOCK || *refused_error == ENOBUFS) break;
        next += 1;
    }
    return sent;
}

size_t socket_receive_datagrams(int descriptor, struct socket_received_datagram *datagrams, size_t count) {
    struct mmsghdr headers[batch_limit];
    struct iovec vectors[batch_limit];
    unsigned batch = count < batch_limit ? (unsigned)count : batch_limit;
    memset(headers, 0, sizeof headers[0] * batch);
    for (unsigned index = 0; index < batch; index++) {
        vectors[index].iov_base = datagrams[index].bytes;
        vectors[index].iov_len = datagrams[index].capacity;
        headers[index].msg_hdr.msg_name = &datagrams[index].source;
        headers[index].msg_hdr.msg_namelen = sizeof datagrams[index].source;
        headers[index].msg_hdr.msg_iov = &vectors[index];
        headers[index].msg_hdr.msg_iovlen = 1;
    }
    int result;
    do {
        result = batch > 0 ? recvmmsg(descriptor, headers, batch, MSG_DONTWAIT, NULL) : 0;
    } while (result < 0 && errno == EINTR);
    if (result <= 0) return 0;
    for (int index = 0; index < result; index++) datagrams[index].length = headers[index].msg_len;
    return (size_t)result;
}
