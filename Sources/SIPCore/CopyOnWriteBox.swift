/// The heap box of a value type whose copies share their values until one of them changes
/// (copy-on-write), so that copying a message, however many strings and arrays it holds, costs one
/// reference count. Messages pass by value through transactions, dialogs and call sessions, and each
/// copy of a large struct retains and later releases every reference in it.
///
/// The owning struct reads a field in place (`_read { yield box.values.field }`) and changes one
/// after ``makeUnique(_:)`` (`_modify { CopyOnWriteBox.makeUnique(&box); yield &box.values.field }`):
/// the accessors reach the box's storage directly, with no accessor of the box in between, whose
/// nested coroutine would need a frame allocated on the heap.
final class CopyOnWriteBox<Values: Hashable & Sendable>: @unchecked Sendable {
    // Unchecked: the values change only through an owner's modify accessor, after `makeUnique(_:)`
    // has made sure that no other copy refers to the box; the owner's own exclusivity is checked
    // statically, so the box's dynamic check is left out.
    /// The boxed values.
    @exclusivity(unchecked) var values: Values

    /// Boxes `values`.
    init(_ values: Values) {
        self.values = values
    }

    /// Gives `box` to its caller alone: a new box with the same values when another copy shares it.
    static func makeUnique(_ box: inout CopyOnWriteBox) {
        guard !isKnownUniquelyReferenced(&box) else { return }
        let values = box.values
        box = CopyOnWriteBox(values)
    }

    /// Whether two boxes hold equal values (at once when they are the same box).
    static func holdEqualValues(_ left: CopyOnWriteBox, _ right: CopyOnWriteBox) -> Bool {
        left === right || left.values == right.values
    }
}
