/* scripts/bench media's two helpers, in plain C.
 *
 *   media-rtp receive PORT
 *     Receives RTP on 127.0.0.1:PORT with kernel receive timestamps (SO_TIMESTAMPNS), so its own
 *     scheduling does not move the arrival times it records. Streams are told apart by source port.
 *     The sender marks its measured window with two datagrams, "START" and "STOP"; pairs of
 *     consecutive packets of a stream (sequence number +1) that both arrive in it are measured: the
 *     inter-arrival's deviation from 20 ms. Prints one key=value line at "STOP", with the packets
 *     that arrived in the window and its length (window_packets, window_ms).
 *
 *   media-rtp send PORT STREAMS SECONDS WARMUP_SECONDS FIRST_PORT PHASES
 *     The reference sender: STREAMS UDP sockets on 127.0.0.1 from FIRST_PORT (even ports), one
 *     172-byte RTP packet per socket every 20 ms on an absolute-time grid (clock_nanosleep), for
 *     WARMUP_SECONDS + SECONDS, marking the last SECONDS with "START" and "STOP"; prints its CPU
 *     time per stream over them. Like the engine, it spreads the streams over PHASES phases of the
 *     20 ms period (stream i at phase i % PHASES), waking every 20 ms / PHASES.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 256
#define BUCKET_NS 10000              /* histogram buckets of 10 µs */
#define BUCKETS 20001                /* up to 200 ms of deviation */
#define FRAME_NS 20000000LL

static int64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

static int bind_udp(int port) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("bind");
        exit(1);
    }
    return fd;
}

static int receive(int port) {
    int fd = bind_udp(port), on = 1, size = 64 << 20;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    static int64_t last_ns[65536];
    static uint16_t last_seq[65536];
    static uint64_t histogram[BUCKETS];
    static char seen[65536];
    static unsigned char buffers[BATCH][256];
    static char controls[BATCH][64];
    struct mmsghdr messages[BATCH];
    struct iovec vectors[BATCH];
    struct sockaddr_in sources[BATCH];
    uint64_t packets = 0, pairs = 0, lost = 0, streams = 0, window_packets = 0;
    int64_t start = -1, stop = -1;
    int64_t idle_since = monotonic_ns();
    while (stop < 0) {
        /* Drain what has arrived, then sleep 2 ms rather than wait on the socket: a receiver that
         * is not waiting is not woken by every packet, so it does not preempt the sender on a small
         * machine; the kernel's timestamps are taken on arrival either way. */
        for (int i = 0; i < BATCH; i++) {
            vectors[i] = (struct iovec){.iov_base = buffers[i], .iov_len = sizeof buffers[i]};
            messages[i].msg_hdr = (struct msghdr){.msg_name = &sources[i], .msg_namelen = sizeof sources[i],
                .msg_iov = &vectors[i], .msg_iovlen = 1, .msg_control = controls[i], .msg_controllen = sizeof controls[i]};
        }
        int count = recvmmsg(fd, messages, BATCH, MSG_DONTWAIT, NULL);
        if (count <= 0) {
            if (monotonic_ns() - idle_since > 120000000000LL) break;
            struct timespec pause = {.tv_sec = 0, .tv_nsec = 2000000};
            nanosleep(&pause, NULL);
            continue;
        }
        idle_since = monotonic_ns();
        for (int i = 0; i < count && stop < 0; i++) {
            int64_t at = -1;
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&messages[i].msg_hdr); c; c = CMSG_NXTHDR(&messages[i].msg_hdr, c))
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                    struct timespec stamp;
                    memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
                    at = (int64_t)stamp.tv_sec * 1000000000LL + stamp.tv_nsec;
                }
            if (at < 0) continue;
            if (messages[i].msg_len == 5 && memcmp(buffers[i], "START", 5) == 0) start = at;
            if (messages[i].msg_len == 5 && memcmp(buffers[i], "STOP", 4) == 0) stop = at;
            if (messages[i].msg_len < 12) continue;
            packets++;
            if (start >= 0) window_packets++;
            int source = ntohs(sources[i].sin_port);
            uint16_t seq = (uint16_t)(buffers[i][2] << 8 | buffers[i][3]);
            if (!seen[source]) {
                seen[source] = 1;
                streams++;
            } else if (start >= 0 && last_ns[source] >= start) {
                if (seq == (uint16_t)(last_seq[source] + 1)) {
                    int64_t deviation = llabs(at - last_ns[source] - FRAME_NS) / BUCKET_NS;
                    histogram[deviation < BUCKETS ? deviation : BUCKETS - 1]++;
                    pairs++;
                } else {
                    lost += (uint16_t)(seq - last_seq[source] - 1);
                }
            }
            last_ns[source] = at;
            last_seq[source] = seq;
        }
    }
    uint64_t within = 0, cumulative = 0;
    double p999 = 0, p50 = 0;
    int p50_done = 0, maximum = 0;
    for (int b = 0; b < BUCKETS; b++) {
        if (b * BUCKET_NS <= 1000000) within += histogram[b];
        cumulative += histogram[b];
        if (histogram[b]) maximum = b;
        if (!p50_done && cumulative * 2 >= pairs && pairs) { p50 = b * BUCKET_NS / 1e6; p50_done = 1; }
        if (p999 == 0 && cumulative * 1000 >= pairs * 999 && pairs) p999 = (b + 1) * BUCKET_NS / 1e6;
    }
    printf("packets=%llu streams=%llu window_packets=%llu window_ms=%.1f pairs=%llu lost=%llu within_1ms_percent=%.3f "
           "p50_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
           (unsigned long long)packets, (unsigned long long)streams, (unsigned long long)window_packets,
           start >= 0 && stop >= start ? (stop - start) / 1e6 : 0.0, (unsigned long long)pairs, (unsigned long long)lost,
           pairs ? 100.0 * within / pairs : 0.0, p50, p999, (maximum + 1) * BUCKET_NS / 1e6);
    return 0;
}

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int send_streams(int port, int streams, int seconds, int warmup, int first_port, int phases) {
    int *fds = calloc(streams, sizeof *fds);
    for (int i = 0; i < streams; i++) fds[i] = bind_udp(first_port + 2 * i);
    struct sockaddr_in target = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
    unsigned char packet[172];
    memset(packet, 0xFF, sizeof packet);
    packet[0] = 0x80;
    packet[1] = 0;
    if (phases < 1 || phases > 20 || 20 % phases != 0) {
        fprintf(stderr, "media-rtp: PHASES must divide 20\n");
        exit(2);
    }
    int64_t next = monotonic_ns(), start = next, measure_from = start + (int64_t)warmup * 1000000000LL;
    int64_t end = measure_from + (int64_t)seconds * 1000000000LL;
    double cpu_before = -1;
    uint64_t sent = 0;
    for (uint64_t slot = 0; next < end; slot++, next += FRAME_NS / phases) {
        uint32_t frame = (uint32_t)(slot / phases);
        int phase = (int)(slot % phases);
        struct timespec wake = {.tv_sec = next / 1000000000LL, .tv_nsec = next % 1000000000LL};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, NULL) == EINTR) {}
        if (cpu_before < 0 && next >= measure_from) {
            cpu_before = cpu_seconds();
            sendto(fds[0], "START", 5, 0, (struct sockaddr *)&target, sizeof target);
        }
        packet[2] = (unsigned char)(frame >> 8);
        packet[3] = (unsigned char)frame;
        uint32_t timestamp = htonl(frame * 160);
        memcpy(packet + 4, &timestamp, 4);
        for (int i = phase; i < streams; i += phases) {
            uint32_t ssrc = htonl((uint32_t)i);
            memcpy(packet + 8, &ssrc, 4);
            if (sendto(fds[i], packet, sizeof packet, 0, (struct sockaddr *)&target, sizeof target) == sizeof packet) sent++;
        }
    }
    double cpu = cpu_seconds() - cpu_before;
    sendto(fds[0], "STOP!", 5, 0, (struct sockaddr *)&target, sizeof target);
    printf("streams=%d sent=%llu cpu_percent=%.1f cpu_us_per_stream_s=%.2f\n", streams, (unsigned long long)sent,
           100 * cpu / seconds, 1e6 * cpu / seconds / streams);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "receive") == 0) return receive(atoi(argv[2]));
    if (argc == 8 && strcmp(argv[1], "send") == 0)
        return send_streams(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), atoi(argv[6]), atoi(argv[7]));
    fprintf(stderr, "usage: media-rtp receive PORT | send PORT STREAMS SECONDS WARMUP_SECONDS FIRST_PORT PHASES\n");
    return 2;
}
