/// Text as characters whose classes (letter, capital, digit, space) are worked out once.
///
/// The plain-English rules ask those questions of every character several times over; asking a
/// `Character` goes through its Unicode properties each time, which made them most of a build's
/// lint time. ASCII, nearly all of an English page, is classified by its byte.
struct Prose {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let letter = Flags(rawValue: 1)
        static let uppercase = Flags(rawValue: 2)
        static let number = Flags(rawValue: 4)
        static let whitespace = Flags(rawValue: 8)
        /// The character is one ASCII scalar (one byte).
        static let ascii = Flags(rawValue: 16)
    }

    private(set) var flags: [Flags] = []
    /// The first Unicode scalar of each character, for comparing with punctuation. A character
    /// flagged `.ascii` is this scalar alone.
    private(set) var scalars: [Unicode.Scalar] = []
    /// The characters that are not one ASCII scalar, by index. Filling an array of every
    /// `Character` was 1.2% of a build, about a twelfth of the content rules, for these few.
    private var others: [Int: Character] = [:]

    init(_ characters: [Character]) {
        reserveCapacity(characters.count)
        for character in characters { append(character) }
    }

    /// Empty, to be filled with `append`.
    init() {}

    mutating func reserveCapacity(_ count: Int) {
        flags.reserveCapacity(count)
        scalars.reserveCapacity(count)
    }

    /// Adds the characters of `text`. Text all of ASCII but carriage returns (nearly every
    /// stretch of an English page) is one character per byte, and is classified by the byte
    /// without breaking it into grapheme clusters.
    mutating func append(contentsOf text: String) {
        var text = text
        let appended = text.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return false }
            // Appended whole from the raw bytes, each array grows once in one tight loop.
            scalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            flags.append(contentsOf: bytes.lazy.map { Self.asciiFlags[Int($0)] })
            return true
        }
        if !appended {
            for character in text { append(character) }
        }
    }

    /// Adds one character, classified as it comes.
    mutating func append(_ character: Character) {
        let first = character.unicodeScalars.first!
        let classes = Self.classify(character, first: first)
        if !classes.contains(.ascii) { others[scalars.count] = character }
        scalars.append(first)
        flags.append(classes)
    }

    var count: Int { scalars.count }

    /// The character at `index`.
    func character(_ index: Int) -> Character {
        flags[index].contains(.ascii) ? Character(scalars[index]) : others[index]!
    }

    /// Every character, in order (for tests and small texts).
    var characters: [Character] { (0..<count).map(character) }

    /// The characters in `range` as a string.
    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        for index in range {
            if flags[index].contains(.ascii) {
                result.append(scalars[index])
            } else {
                result.append(contentsOf: others[index]!.unicodeScalars)
            }
        }
        return String(result)
    }

    /// How many Unicode scalars the characters in `range` have (columns count scalars).
    func scalarCount(_ range: Range<Int>) -> Int {
        guard !others.isEmpty else { return range.count }
        return range.reduce(0) { total, index in
            total + (flags[index].contains(.ascii) ? 1 : others[index]!.unicodeScalars.count)
        }
    }

    func isLetter(_ index: Int) -> Bool { flags[index].contains(.letter) }
    func isUppercase(_ index: Int) -> Bool { flags[index].contains(.uppercase) }
    func isNumber(_ index: Int) -> Bool { flags[index].contains(.number) }
    func isWhitespace(_ index: Int) -> Bool { flags[index].contains(.whitespace) }
    func isLetterOrNumber(_ index: Int) -> Bool { !flags[index].isDisjoint(with: [.letter, .number]) }
    func scalar(_ index: Int) -> Unicode.Scalar { scalars[index] }
    func isASCII(_ index: Int) -> Bool { flags[index].contains(.ascii) }

    /// The characters in `range`, lower-cased, with the typographic apostrophe made plain.
    func lowercased(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        for index in range {
            let scalar = scalars[index]
            if flags[index].contains(.ascii) {
                result.append(flags[index].contains(.uppercase) ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
            } else if scalar == "’" {
                result.append("'")
            } else {
                result.append(contentsOf: others[index]!.lowercased().unicodeScalars)
            }
        }
        return String(result)
    }

    /// The flags of each ASCII byte as a character of its own.
    private static let asciiFlags: [Flags] = (0..<128).map { byte -> Flags in
        switch byte {
        case 0x41...0x5A: [.ascii, .letter, .uppercase]
        case 0x61...0x7A: [.ascii, .letter]
        case 0x30...0x39: [.ascii, .number]
        case 0x09...0x0D, 0x20: [.ascii, .whitespace]
        default: .ascii
        }
    }

    private static func classify(_ character: Character, first: Unicode.Scalar) -> Flags {
        let value = first.value
        // One UTF-8 byte is one ASCII scalar (counting the scalars walked the string).
        if value < 0x80 && character.utf8.count == 1 { return asciiFlags[Int(value)] }
        var flags: Flags = []
        if character.isLetter { flags.insert(.letter) }
        if character.isUppercase { flags.insert(.uppercase) }
        if character.isNumber { flags.insert(.number) }
        if character.isWhitespace { flags.insert(.whitespace) }
        return flags
    }
}
