import TeamsPresence
import ArgumentParser
import AsyncHTTPClient
import Foundation
import LocalGraphServer
import NIOConcurrencyHelpers
import NIOCore
import Presence

/// `bench-presence`: polls N agents against a `local-graph` process and reports requests per 30 s,
/// the poller's CPU time and the delay from a presence change to the directory seeing it.
struct BenchPresence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-presence")

    @Option(help: "Path of the local-graph executable.")
    var localGraph: String

    @Option(help: "Agents polled.")
    var agents = 50_000

    @Option(help: "Poll interval in seconds.")
    var interval = 5.0

    @Option(help: "Wall time polled, in seconds.")
    var duration = 35.0

    @Option(help: "Presence changes made on the local Graph per second.")
    var changesPerSecond = 4.0

    func run() async throws {
        let graph = try LocalGraphProcess(executable: localGraph, users: agents)
        defer { graph.stop() }
        let base = "http://127.0.0.1:\(graph.port)"
        let ids = (0..<agents).map(LocalGraphUser.generatedID(index:))
        let cloud = GraphCloud(loginURL: URL(string: base)!, graphURL: URL(string: base)!)
        let configuration = GraphConfiguration(
            tenantID: "bench", clientID: LocalGraphProcess.clientID,
            credential: .clientSecret(GraphSecret(LocalGraphProcess.clientSecret)), cloud: cloud,
            pollInterval: .milliseconds(Int64(interval * 1000)))
        let source = try GraphPresenceSource(configuration: configuration, agentIDs: ids, httpClient: .shared)
        let directory = PresenceDirectory(freshness: source.freshness)
        let pending = NIOLockedValueBox<[String: (availability: TeamsAvailability, at: ContinuousClock.Instant)]>([:])
        let delays = NIOLockedValueBox<[Duration]>([])

        let cpuBefore = ProcessCPU.selfSeconds()
        let graphCPUBefore = ProcessCPU.seconds(ofProcess: graph.pid)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await source.run() }
            group.addTask {
                for await update in source.updates {
                    let seenAt = ContinuousClock.now
                    for id in directory.apply(update) {
                        let availability = directory.snapshot(of: id)?.availability
                        pending.withLockedValue { table in
                            guard let change = table[id], change.availability == availability else { return }
                            table[id] = nil
                            delays.withLockedValue { $0.append(seenAt - change.at) }
                        }
                    }
                }
            }
            group.addTask {
                try await changePresence(ids: ids, base: base, pending: pending, until: started + .seconds(duration))
            }
            try await Task.sleep(until: started + .seconds(duration), clock: .continuous)
            group.cancelAll()
        }
        let wall = (ContinuousClock.now - started).inSeconds
        let cpu = ProcessCPU.selfSeconds() - cpuBefore
        let graphCPU = ProcessCPU.seconds(ofProcess: graph.pid) - graphCPUBefore
        let counters = try await graph.counters()
        report(counters: counters, status: source.status(), wall: wall, cpu: cpu, graphCPU: graphCPU, delays: delays.withLockedValue { $0 })
    }

    /// Flips random agents between Available and Busy on the local Graph, remembering when.
    private func changePresence(
        ids: [String], base: String,
        pending: NIOLockedValueBox<[String: (availability: TeamsAvailability, at: ContinuousClock.Instant)]>,
        until end: ContinuousClock.Instant
    ) async throws {
        var generator = SystemRandomNumberGenerator()
        var busy = Set<String>()
        let gap = Duration.milliseconds(Int64(1000 / changesPerSecond))
        var next = ContinuousClock.now + .seconds(1)
        while next < end - .seconds(interval * 2) {
            try await Task.sleep(until: next, clock: .continuous)
            next += gap
            let id = ids.randomElement(using: &generator)!
            guard pending.withLockedValue({ $0[id] == nil }) else { continue }
            let availability: TeamsAvailability = busy.contains(id) ? .available : .busy
            if availability == .busy { busy.insert(id) } else { busy.remove(id) }
            var request = HTTPClientRequest(url: "\(base)/_test/users/\(id)/presence")
            request.method = .PUT
            request.body = .bytes(ByteBuffer(string: #"{"availability":"\#(availability.graphValue)"}"#))
            let at = ContinuousClock.now
            pending.withLockedValue { $0[id] = (availability, at) }
            _ = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        }
    }

    private func report(
        counters: LocalGraphCounters, status: PresenceStatus, wall: Double, cpu: Double, graphCPU: Double, delays: [Duration]
    ) {
        let sorted = delays.map(\.inSeconds).sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let perWindow = Double(counters.presenceRequests) / wall * 30
        let expected = Double(GraphBatchPlanner.batches(Array(repeating: "", count: agents)).count) / interval * 30
        print("""
            presence benchmark: \(agents) agents, poll interval \(interval) s, \(String(format: "%.1f", wall)) s wall time
              requests sent            \(counters.presenceRequests) (\(counters.idsRequested) ids), throttled \(counters.throttled), failed \(status.requestsFailed)
              requests per 30 s        \(String(format: "%.0f", perWindow)) average, \(counters.maximumRequestsInWindow) peak in any 30 s window
              reference: Graph budget  1500 per 30 s -> peak uses \(String(format: "%.1f%%", Double(counters.maximumRequestsInWindow) / 15)); ideal for this load \(String(format: "%.0f", expected))
              poller CPU               \(String(format: "%.2f", cpu)) s user+system (\(String(format: "%.1f%%", cpu / wall * 100)) of one core)
              local Graph CPU          \(String(format: "%.2f", graphCPU)) s (the stand-in, for comparison)
              change -> directory      \(sorted.count) changes: median \(String(format: "%.2f", percentile(0.5))) s, p95 \(String(format: "%.2f", percentile(0.95))) s, max \(String(format: "%.2f", sorted.last ?? .nan)) s
              reference: uniform wait  median \(String(format: "%.2f", interval / 2)) s, p95 \(String(format: "%.2f", interval * 0.95)) s for a \(interval) s interval
            """)
    }
}

do {
    try await BenchPresence.parse().run()
} catch {
    BenchPresence.exit(withError: error)
}
