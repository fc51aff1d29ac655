/* Reference for scripts/bench parse: raw libosip2 parsing one message, and parsing then serializing it
 * with osip_message_to_str. Usage: osip-parse <message file> <iterations> <rounds>. Prints the median
 * messages per second of the rounds for each case. */
#include <osipparser2/osip_parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double) now.tv_sec + (double) now.tv_nsec / 1e9;
}

static int compare(const void *left, const void *right) {
    double a = *(const double *) left, b = *(const double *) right;
    return (a > b) - (a < b);
}

/* One round: the messages per second of `iterations` parses, serializing each when `serialize` is set. */
static double round_rate(const char *message, size_t length, long iterations, int serialize) {
    double start = seconds();
    for (long i = 0; i < iterations; i++) {
        osip_message_t *sip;
        if (osip_message_init(&sip) != 0 || osip_message_parse(sip, message, length) != 0) {
            fprintf(stderr, "libosip2 rejects the message\n");
            exit(1);
        }
        if (serialize) {
            char *text;
            size_t text_length;
            if (osip_message_to_str(sip, &text, &text_length) != 0) {
                fprintf(stderr, "libosip2 cannot serialize the message\n");
                exit(1);
            }
            osip_free(text);
        }
        osip_message_free(sip);
    }
    return (double) iterations / (seconds() - start);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s <message file> <iterations> <rounds>\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) {
        perror(argv[1]);
        return 1;
    }
    static char message[65536];
    size_t length = fread(message, 1, sizeof message, file);
    fclose(file);
    long iterations = atol(argv[2]);
    int rounds = atoi(argv[3]);
    if (parser_init() != 0 || iterations <= 0 || rounds <= 0 || rounds > 99) return 1;
    const char *names[] = {"parse", "parse+serialize"};
    for (int serialize = 0; serialize <= 1; serialize++) {
        double rates[99];
        round_rate(message, length, iterations / 10 + 1, serialize);
        for (int r = 0; r < rounds; r++) rates[r] = round_rate(message, length, iterations, serialize);
        qsort(rates, (size_t) rounds, sizeof rates[0], compare);
        printf("%s %.0f\n", names[serialize], rates[rounds / 2]);
    }
    return 0;
}
