import CGSL

/// Hints the CPU to fetch the cache line holding `address` ahead of a read, so that a loop can
/// start the memory access of a later iteration while it works on the current one. Never faults
/// and never changes results; only the timing.
@inline(__always)
func prefetch(_ address: UnsafeRawPointer) { cgsl_prefetch(address) }
