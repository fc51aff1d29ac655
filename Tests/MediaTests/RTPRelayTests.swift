import Media
import Testing

@Suite("RTP relay")
struct RTPRelayTests {
    /// A relay continuing a stream that sent its packets up to sequence number 41, timestamp 8,000.
    private func relay() -> RTPRelay {
        var sender = RTPSender(payloadType: 0, ssrc: 0xAAAA, sequenceNumber: 40, timestamp: 7_840)
        _ = sender.audioPacket([])
        _ = sender.audioPacket([])
        return RTPRelay(continuing: sender, telephoneEventPayloadType: 101)
    }

    private func received(_ sequenceNumber: UInt16, _ timestamp: UInt32, payloadType: UInt8 = 8, ssrc: UInt32 = 0xBBBB) -> RTPHeader {
        RTPHeader(payloadType: payloadType, sequenceNumber: sequenceNumber, timestamp: timestamp, ssrc: ssrc)
    }

    @Test func relayedPacketsContinueTheStreamsSSRCSequenceAndTimestamps() {
        var relay = relay()
        let first = relay.relay(received(65_535, 4_294_967_200), audio: 8, telephoneEvent: 96)
        #expect(first == RTPHeader(marker: true, payloadType: 0, sequenceNumber: 42, timestamp: 8_160, ssrc: 0xAAAA),
                "the next sequence number and timestamp of the stream, the marker of a new source, the leg's payload type")
        let second = relay.relay(received(0, 4_294_967_200 &+ 160), audio: 8, telephoneEvent: 96)
        #expect(second == RTPHeader(payloadType: 0, sequenceNumber: 43, timestamp: 8_320, ssrc: 0xAAAA), "wrapping on both sides")
    }

    @Test func aLossOrAReorderingStaysWhatItWas() {
        var relay = relay()
        _ = relay.relay(received(10, 1_000), audio: 8, telephoneEvent: nil)
        #expect(relay.relay(received(13, 1_480), audio: 8, telephoneEvent: nil)?.sequenceNumber == 45)
        #expect(relay.relay(received(12, 1_320), audio: 8, telephoneEvent: nil)?.timestamp == 8_480)
    }

    @Test func telephoneEventsAreMappedAndOtherPayloadTypesDropped() {
        var relay = relay()
        #expect(relay.relay(received(1, 0, payloadType: 96), audio: 8, telephoneEvent: 96)?.payloadType == 101)
        #expect(relay.relay(received(2, 0, payloadType: 13), audio: 8, telephoneEvent: 96) == nil, "comfort noise is not negotiated here")
        var without = RTPRelay(continuing: RTPSender(payloadType: 0, ssrc: 1, sequenceNumber: 0, timestamp: 0), telephoneEventPayloadType: nil)
        #expect(without.relay(received(1, 0, payloadType: 96), audio: 8, telephoneEvent: 96) == nil, "no telephone-event on the other leg")
    }

    @Test func aNewSourceStartsWhereTheLastLeftOff() {
        var relay = relay()
        _ = relay.relay(received(10, 1_000), audio: 8, telephoneEvent: nil)
        let other = relay.relay(received(500, 90_000, ssrc: 0xCCCC), audio: 8, telephoneEvent: nil)
        #expect(other == RTPHeader(marker: true, payloadType: 0, sequenceNumber: 43, timestamp: 8_320, ssrc: 0xAAAA))
    }
}
