import Foundation
import Logging
import Media
import MediaTransport
import NIOCore
import NIOPosix
import SIPCore

// bench-media: N streams of music on hold from one MediaEngine on one event loop to a receiver,
// for scripts/bench media. Prints one line of key=value figures measured after the warm-up:
// the engine process's CPU time per stream and the engine's counters.
//
// With PROMPTS_DIR (from scripts/make-prompts), every prompt the announcements need is loaded through
// WAVAudio first (a missing or unreadable file stops the benchmark, naming it) and each stream plays
// `welcome` and `please-hold` before that directory's music-on-hold.wav; without it, the music is
// two sine tones synthesized here.
//
// MEDIA_PHASES (1…20, default the engine's) spreads the streams over that many phases of the 20 ms
// period; 1 sends every stream at the same tick.
//
// Usage: bench-media STREAMS SECONDS WARMUP RECEIVER_PORT FIRST_PORT [PROMPTS_DIR]

let usage = "usage: bench-media STREAMS SECONDS WARMUP RECEIVER_PORT FIRST_PORT [PROMPTS_DIR]\n"
let arguments = CommandLine.arguments.dropFirst().prefix(5).compactMap { Int($0) }
guard arguments.count == 5, CommandLine.arguments.count <= 7 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let (streamCount, seconds, warmup, receiverPort, firstPort) = (arguments[0], arguments[1], arguments[2], arguments[3], arguments[4])
let promptsDirectory = CommandLine.arguments.count == 7 ? CommandLine.arguments[6] : nil

/// The user and system CPU time of this process so far, in seconds (fields 14 and 15 of
/// /proc/self/stat, in clock ticks).
func processCPUSeconds() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
    let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
    return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Four seconds of two sine tones a fifth apart, at a quarter of full scale: synthesized, not recorded.
func holdMusic() -> HoldMusicLoop? {
    let samples = (0..<32_000).map { index -> Int16 in
        let time = Double(index) / 8000
        return Int16(4000 * sin(2 * .pi * 440 * time) + 4000 * sin(2 * .pi * 660 * time))
    }
    return HoldMusicLoop(tracks: [Prompt(name: "hold", audio: WAVAudio(samples: samples))])
}

/// Reads `DIR/NAME.wav` through WAVAudio; stops the benchmark with the file's name when it cannot.
func loadPrompt(_ name: String, from directory: String) -> Prompt {
    let path = "\(directory)/\(name).wav"
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("bench-media: cannot read \(path)\n".utf8))
        exit(1)
    }
    do {
        return try Prompt(name: name, wav: Array(data))
    } catch {
        FileHandle.standardError.write(Data("bench-media: \(path): \(error)\n".utf8))
        exit(1)
    }
}

var greeting: [Prompt] = []
var loadedMusic = holdMusic()
if let promptsDirectory {
    let prompts = (AnnouncementWords.promptNames + ["welcome", "please-hold", "goodbye", "callback-confirmation"]).map { loadPrompt($0, from: promptsDirectory) }
    greeting = prompts.filter { $0.name == "welcome" || $0.name == "please-hold" }
    loadedMusic = HoldMusicLoop(tracks: [loadPrompt("music-on-hold", from: promptsDirectory)])
    FileHandle.standardError.write(Data("bench-media: \(prompts.count + 1) WAV files of \(promptsDirectory) loaded\n".utf8))
}
guard let pool = RTPPortPool(range: firstPort...(firstPort + 2 * streamCount + 199)), let music = loadedMusic else {
    FileHandle.standardError.write(Data("bench-media: no port range or music\n".utf8))
    exit(2)
}
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let phases = ProcessInfo.processInfo.environment["MEDIA_PHASES"].flatMap { Int($0) }
let engine = phases.map {
    MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: pool, phases: $0, logger: Logger(label: "bench-media"))
} ?? MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: pool, logger: Logger(label: "bench-media"))
try await engine.addMusic("hold", loop: music)
let audio = NegotiatedAudio(mediaIndex: 0, codec: .pcmu, payloadType: 0, telephoneEventPayloadType: 101,
                            remoteAddress: "127.0.0.1", remotePort: receiverPort, direction: .sendrecv)
try await withThrowingTaskGroup(of: Int.self) { starting in
    for index in 0..<streamCount {
        starting.addTask {
            try await engine.startStream(MediaStreamID("stream-\(index)"), negotiated: audio, source: .prompts(greeting, thenMusic: "hold"))
        }
    }
    try await starting.waitForAll()
}

// The receiver measures between the "START" and "STOP" datagrams, sent from a socket of their own.
let marker = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
let receiver = try SocketAddress(ipAddress: "127.0.0.1", port: receiverPort)
func mark(_ text: String) async throws {
    try await marker.writeAndFlush(AddressedEnvelope(remoteAddress: receiver, data: ByteBuffer(string: text))).get()
}
try await Task.sleep(for: .seconds(warmup))
try await mark("START")
let before = (cpu: processCPUSeconds(), counters: try await engine.counters())
try await Task.sleep(for: .seconds(seconds))
let after = (cpu: processCPUSeconds(), counters: try await engine.counters())
try await mark("STOP!")
try await marker.close().get()
try await engine.stopAll()
try await group.shutdownGracefully()

let cpu = after.cpu - before.cpu
let figures = [
    "streams=\(streamCount)",
    "sent=\(after.counters.packetsSent - before.counters.packetsSent)",
    "expected=\(streamCount * seconds * 50)",
    "late_ticks=\(after.counters.lateTicks - before.counters.lateTicks)",
    "caught_up=\(after.counters.packetsCaughtUp - before.counters.packetsCaughtUp)",
    "skipped=\(after.counters.packetsSkipped - before.counters.packetsSkipped)",
    "cpu_percent=\(String(format: "%.1f", 100 * cpu / Double(seconds)))",
    "cpu_us_per_stream_s=\(String(format: "%.2f", 1_000_000 * cpu / Double(seconds * streamCount)))",
]
print(figures.joined(separator: " "))
