#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls Signpost makes itself, named the same on Linux and macOS.
public enum SystemCall {
    public static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    public static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Writes all of `bytes`, going on after interruptions. Returns false when the file would take no more (a full
    /// disk, a closed pipe); `errno` says why.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { return false }
            offset += result
        }
        return true
    }

    /// The system's words for the last error, such as "No space left on device".
    public static var lastError: String { String(cString: strerror(errno)) }
}
