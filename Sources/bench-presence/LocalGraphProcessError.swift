/// Why the local Graph process could not be used.
enum LocalGraphProcessError: Error {
    /// It exited before printing its port.
    case exited
    /// Its first line did not end in a port.
    case unexpectedOutput(String)
}
