import FlyingFox
import FlyingSocks

/// The body of a Server-Sent Events response: bytes handed on as each event is sent, for as long as the page is open.
/// FlyingFox sends it with chunked transfer encoding, one chunk per event, so every event reaches the browser at once.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        /// Bytes of the current event not yet handed on, for callers that read one byte at a time.
        private var pending: [UInt8] = []

        init(base: AsyncStream<[UInt8]>.Iterator) { self.base = base }

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await nextBuffer(suggested: 1).map { Array($0.reversed()) } ?? [] }
            return pending.popLast()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            guard pending.isEmpty else {
                defer { pending = [] }
                return pending.reversed()
            }
            while let event = await base.next() {
                if !event.isEmpty { return event }
            }
            return nil
        }
    }
}
