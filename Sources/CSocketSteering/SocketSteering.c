#include "CSocketSteering.h"

#include <linux/filter.h>
#include <sys/socket.h>

int socket_steering_to_first(int descriptor) {
    struct sock_filter first = BPF_STMT(BPF_RET | BPF_K, 0);
    struct sock_fprog program = {.len = 1, .filter = &first};
    return setsockopt(descriptor, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &program, sizeof program);
}
