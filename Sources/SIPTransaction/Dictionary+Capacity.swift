extension Dictionary {
    /// Gives back the storage of a table that emptied out after a peak (a flood of requests leaves a
    /// table sized for it): once it holds less than an eighth of its capacity, it is rebuilt to fit.
    /// Amortized O(1) per removal.
    package mutating func releaseUnusedCapacity(above minimumCapacity: Int = 1_024) {
        guard capacity > minimumCapacity, count < capacity / 8 else { return }
        var fitted = Dictionary(minimumCapacity: Swift.max(count, minimumCapacity / 2))
        for (key, value) in self { fitted[key] = value }
        self = fitted
    }
}
