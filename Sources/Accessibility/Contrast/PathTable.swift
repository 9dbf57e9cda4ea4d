/// Interned element signatures and ancestry paths. Ids are small integers so every memo is a
/// cheap dictionary lookup, and a path seen on one page is the same path on the next.
struct PathTable {
    private(set) var signatures: [ElementSignature] = []
    private var signatureIDs: [ElementSignature: Int32] = [:]
    private(set) var nodes: [PathKey] = []
    private var nodeIDs: [PathKey: Int32] = [:]

    mutating func intern(_ signature: ElementSignature) -> Int32 {
        if let id = signatureIDs[signature] { return id }
        let id = Int32(signatures.count)
        signatures.append(signature)
        signatureIDs[signature] = id
        return id
    }

    mutating func intern(_ key: PathKey) -> Int32 {
        if let id = nodeIDs[key] { return id }
        let id = Int32(nodes.count)
        nodes.append(key)
        nodeIDs[key] = id
        return id
    }

    func parent(_ node: Int32) -> Int32? {
        let parent = nodes[Int(node)].parent
        return parent < 0 ? nil : parent
    }

    func signature(of node: Int32) -> ElementSignature { signatures[Int(nodes[Int(node)].signature)] }
    func state(of node: Int32) -> ElementState { nodes[Int(node)].state }

    /// Root first.
    func ancestry(_ node: Int32) -> [Int32] {
        var chain: [Int32] = [node]
        var current = node
        while let parent = parent(current) {
            chain.append(parent)
            current = parent
        }
        return chain.reversed()
    }
}
