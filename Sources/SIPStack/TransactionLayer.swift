import Logging
import NIOCore
import SIPCore
import SIPTransaction
import SIPTransport

/// What the transaction layer hands up to its transaction user (the UAS/UAC core of switchboardd).
public protocol TransactionUser: AnyObject {
    /// A new request (not ACK, not CANCEL) with its server transaction; the TU must answer through it.
    func receivedRequest(_ request: SIPRequest, transaction: ServerTransaction)
    /// An ACK that belongs to no server transaction (the ACK to a 2xx, RFC 3261 §13.2.2.4) or one passed
    /// up from the RFC 6026 Accepted state.
    func receivedACK(_ ack: SIPRequest, from source: SIPPeerAddress)
    /// A CANCEL matched this pending INVITE; the layer already answered the CANCEL with 200 (§9.2).
    /// The TU answers the INVITE with 487 unless it has already sent a final response.
    func receivedCANCEL(for invite: ServerTransaction)
    /// A response that matches no client transaction: typically a 2xx retransmission or another fork's
    /// 2xx after the INVITE transaction ended; the TU re-ACKs or hangs up that dialog.
    func receivedStrayResponse(_ response: SIPResponse, from source: SIPPeerAddress)
    /// A server transaction gave up: no ACK for a final non-2xx (Timer H), or the transport failed.
    func serverTransactionFailed(_ transaction: ServerTransaction)
    /// The transport has handed up a batch of reads (see ``TransactionLayer/readingBatch``): what the
    /// TU put off until the batch's end is due now.
    func readBatchEnded()
}

extension TransactionUser {
    /// A TU that puts nothing off has nothing to do at a batch's end.
    public func readBatchEnded() {}
}

/// The RFC 3261 §17 transaction layer on one event loop: matches messages to transactions in O(1)
/// by branch (§17.1.3, §17.2.3), creates server transactions, runs client transactions, matches CANCEL
/// to its INVITE, and owns every transaction timer.
public final class TransactionLayer: @unchecked Sendable {
    /// Where messages go on the wire.
    public let sender: any MessageSender
    /// Timer base values for new transactions.
    public let timers: TransactionTimers
    /// The timer service of the loop (a timing wheel), for transaction timers and the layers above.
    public let timerWheel: TimerWheel
    /// The transaction user above; set before traffic flows.
    public weak var user: (any TransactionUser)?
    /// Asked before a new call's INVITE gets a transaction; without one every call is admitted.
    public weak var admission: (any NewCallAdmission)?
    let logger: Logger
    /// The event loop that owns the layer (the transport's).
    public var eventLoop: any EventLoop { sender.eventLoop }
    var serverTransactions = TransactionTable<ServerTransaction>()
    /// The `100 Trying`s sent for new calls' INVITEs before their parse (`answerNewCallEarly`), by
    /// their transactions' keys, until each INVITE's transaction takes its own; emptied at the end
    /// of every batch of reads, by which time each such INVITE has been handed up.
    var earlyTryings: [ServerTransactionKey: [UInt8]] = [:]
    private var clientTransactions = TransactionTable<ClientTransaction>()

    /// Live server transactions above which a new request gets a stateless `503` (an ACK is dropped).
    public let maximumServerTransactions: Int
    /// The `Retry-After` of that 503, in seconds.
    public let retryAfterSeconds: Int
    /// Requests refused because the server transaction table was full, since start.
    public internal(set) var refusedForCapacity = 0
    /// New calls refused by ``admission`` since start, by the reason phrase of their `503`.
    public private(set) var refusedNewCalls: [String: Int] = [:]
    /// Responses sent since start (stateless ones included, retransmissions not), by status code.
    public private(set) var responsesSent: [Int: Int] = [:]
    /// Server and client transactions that timed out since start (RFC 3261 Timers B, F, H, and the
    /// 64·T1 wait after a CANCEL).
    public private(set) var transactionTimeouts = 0
    var refusing = false

    /// Creates the layer over `sender`; feed it what arrives with `receive(_:)`.
    public init(sender: any MessageSender, timers: TransactionTimers, logger: Logger,
                maximumServerTransactions: Int = 200_000, retryAfterSeconds: Int = 30) {
        self.sender = sender
        self.timers = timers
        self.logger = logger
        self.maximumServerTransactions = maximumServerTransactions
        self.retryAfterSeconds = retryAfterSeconds
        timerWheel = TimerWheel(eventLoop: sender.eventLoop)
    }

    /// Live server transactions.
    public var serverTransactionCount: Int { serverTransactions.count }
    /// Live client transactions.
    public var clientTransactionCount: Int { clientTransactions.count }

    /// Sends a request in a new client transaction; `onResponse` gets every response (408/503 stand for a
    /// timeout or a transport failure). ACK for a 2xx is not a transaction: use `sendACK(_:to:)`.
    @discardableResult
    public func send(_ request: SIPRequest, to destination: SIPPeerAddress, onResponse: @escaping (SIPResponse) -> Void) -> ClientTransaction? {
        eventLoop.preconditionInEventLoop()
        guard let key = ClientTransactionKey(request: request) else {
            logger.error("request without an RFC 3261 branch not sent", metadata: ["sip.call_id": "\(request.headers.callID)"])
            return nil
        }
        let transaction = ClientTransaction(request: request, destination: destination, key: key, layer: self, onResponse: onResponse)
        clientTransactions[.client(key)] = transaction
        transaction.start()
        return transaction
    }

    /// Sends the ACK for a 2xx, which is the TU's business and no transaction's (RFC 3261 §13.2.2.4).
    public func sendACK(_ ack: SIPRequest, to destination: SIPPeerAddress) {
        sender.send(ack.serialized(), to: destination)
    }

    /// Sends an ACK already serialized (a retransmitted 2xx gets the same ACK again).
    public func sendACK(bytes: [UInt8], to destination: SIPPeerAddress) {
        sender.send(bytes, to: destination)
    }

    /// Sends a 2xx again outside its transaction, which ended with the first one: the UAS core
    /// retransmits it until the ACK arrives (RFC 3261 §13.3.1.4).
    public func resendResponse(_ response: SIPResponse, receivedFrom source: SIPPeerAddress) {
        sender.sendResponse(response, receivedFrom: source)
    }

    /// Counts a response sent with `statusCode`.
    func countResponse(statusCode: Int) {
        responsesSent[statusCode, default: 0] += 1
    }

    /// Counts a transaction that timed out.
    func countTimeout() {
        transactionTimeouts += 1
    }

    func remove(_ transaction: ServerTransaction) {
        if serverTransactions[.server(transaction.key)] === transaction { serverTransactions[.server(transaction.key)] = nil }
    }

    func remove(_ transaction: ClientTransaction) {
        if clientTransactions[.client(transaction.key)] === transaction { clientTransactions[.client(transaction.key)] = nil }
    }

    /// Whether the transport is handing up a batch of reads and will say when it has
    /// (`readBatchEnded()`): until then the TU may put off work that need not come before the
    /// batch's other messages.
    public private(set) var readingBatch = false

    /// The transport starts handing up a batch of reads.
    public func readBatchBegan() {
        readingBatch = true
    }

    /// The transport has handed up its batch of reads; the TU is told.
    public func readBatchEnded() {
        readingBatch = false
        if !earlyTryings.isEmpty { earlyTryings.removeAll(keepingCapacity: true) }
        user?.readBatchEnded()
    }

    /// Matches a message from the transport to its transaction, or hands it to the user.
    public func receive(_ inbound: SIPInboundMessage) {
        switch inbound.message {
        case .request(let request): receive(request, from: inbound.source)
        case .response(let response): receive(response, from: inbound.source)
        }
    }

    private func receive(_ response: SIPResponse, from source: SIPPeerAddress) {
        if let key = ClientTransactionKey(response: response), let transaction = clientTransactions[.client(key)] {
            transaction.receivedResponse(response)
        } else {
            user?.receivedStrayResponse(response, from: source)
        }
    }

    private func receive(_ request: SIPRequest, from source: SIPPeerAddress) {
        guard let key = ServerTransactionKey(request: request) else { return }
        if let transaction = serverTransactions[.server(key)] {
            if request.method == .ack { transaction.receivedACK(request) } else { transaction.receivedRetransmission() }
            return
        }
        if request.method != .ack, serverTransactions.count >= maximumServerTransactions {
            refuseForCapacity(request, from: source)
            return
        }
        if request.isInitialInvite, let reason = admission?.refusal(for: request) {
            refusedNewCalls[reason, default: 0] += 1
            refuseStatelessly(request, from: source, reasonPhrase: reason)
            return
        }
        if refusing {
            refusing = false
            logger.notice("server transaction table has room again", metadata: ["sip.refused": "\(refusedForCapacity)"])
        }
        switch request.method {
        case .ack:
            user?.receivedACK(request, from: source)
        case .cancel:
            let transaction = ServerTransaction(request: request, source: source, key: key, layer: self)
            serverTransactions[.server(key)] = transaction
            guard let target = ServerTransactionKey.forCancelTarget(request).flatMap({ serverTransactions[.server($0)] }) else {
                transaction.respond(statusCode: 481)
                return
            }
            transaction.respond(statusCode: 200)
            if target.finalStatusCode == nil { user?.receivedCANCEL(for: target) }
        default:
            let transaction = ServerTransaction(request: request, source: source, key: key, layer: self)
            serverTransactions[.server(key)] = transaction
            if !earlyTryings.isEmpty, request.method == .invite, let trying = earlyTryings.removeValue(forKey: key) {
                transaction.adoptTrying(trying)
            }
            user?.receivedRequest(request, transaction: transaction)
        }
    }
}
