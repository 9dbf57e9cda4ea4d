import Testing
@testable import Accessibility

@Suite struct HTMLParserTests {
    @Test func elementsCarryLinesColumnsAndAttributes() {
        let html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><title>Hi</title></head>\n<body>\n  <p class=\"lead\" id=\"x\">Hello <b>you</b></p>\n</body>\n</html>\n"
        let document = HTMLParser.parse(html)
        #expect(document.hasDoctype)
        #expect(document.root.tag == "html")
        #expect(document.root.attribute("lang") == "en-GB")
        #expect(document.root.line == 2 && document.root.column == 1)
        let p = document.body!.childElements[0]
        #expect(p.tag == "p")
        #expect(p.line == 5 && p.column == 3)
        #expect(p.attributes == [HTMLAttribute(name: "class", value: "lead"), HTMLAttribute(name: "id", value: "x")])
        #expect(p.textContent == "Hello you")
        #expect(p.childElements[0].line == 5 && p.childElements[0].column == 32)
        #expect(String(decoding: document.bytes(of: p)!, as: UTF8.self) == "<p class=\"lead\" id=\"x\">Hello <b>you</b></p>")
    }

    @Test func columnsCountCharactersNotBytes() {
        let document = HTMLParser.parse("<p>é ü <em>x</em></p>")
        let em = document.body!.childElements[0].childElements[0]
        #expect(em.line == 1 && em.column == 8)
    }

    @Test func inferredElementsHaveNoPosition() {
        let document = HTMLParser.parse("<table><tr><td>1</td></tr></table>")
        #expect(document.hasDoctype == false)
        #expect(document.root.line == 0)
        let table = document.body!.childElements[0]
        #expect(table.line == 1 && table.column == 1)
        let tbody = table.childElements[0]
        #expect(tbody.tag == "tbody" && tbody.line == 0 && tbody.byteRange == nil)
        #expect(tbody.childElements[0].tag == "tr")
    }

    @Test func unknownAndForeignTagsKeepTheirNames() {
        let document = HTMLParser.parse("<custom-thing a=1></custom-thing><svg><path d=\"M0\"/></svg>")
        let body = document.body!.childElements
        #expect(body.map(\.tag) == ["custom-thing", "svg"])
        #expect(body[1].childElements[0].tag == "path")
    }

    @Test func emptyInputStillGivesADocument() {
        let document = HTMLParser.parse("")
        #expect(document.root.tag == "html")
        #expect(document.head != nil && document.body != nil)
    }

    @Test func hundredThousandNestedElementsAreRefusedBeforeGumbo() {
        let depth = 100_000
        let html = "<p>intro</p>\n" + String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        let document = HTMLParser.parse(html)
        let refusal = try! #require(document.refusedNesting)
        #expect(refusal.depth == depth)
        #expect(refusal.line == 2 && refusal.column == 1 + 5 * HTMLParser.defaultRefusalDepth)
        #expect(document.body!.children.isEmpty)
    }

    @Test func hundredThousandNestedElementsParseWithoutRecursion() {
        // Nested spans are cheap for gumbo, so with the refusal off the whole tree is built;
        // the Swift side must stay iterative and flatten past the depth cap.
        let depth = 100_000
        let html = String(repeating: "<span>", count: depth) + "deep" + String(repeating: "</span>", count: depth)
        let document = HTMLParser.parse(html, refusalDepth: nil)
        var levels = 0
        var current = document.root
        while let next = current.childElements.last {
            levels += 1
            current = next
        }
        #expect(levels == HTMLParser.defaultMaxDepth)
        #expect(document.body!.textContent == "deep")
        var count = 0
        var stack = [document.root]
        while let element = stack.popLast() {
            if element.tag == "span" { count += 1 }
            stack.append(contentsOf: element.childElements)
        }
        #expect(count == depth)
    }

    @Test func nestingScanIgnoresOptionalEndTagsCommentsAndRawText() {
        let items = String(repeating: "<li>item", count: 5_000)
        let html = "<ul>\(items)</ul><!-- <div><div> --><script>if (a<b) { '<div>' }</script><p>x"
        let document = HTMLParser.parse(html)
        #expect(document.refusedNesting == nil)
        #expect(document.body!.childElements[0].childElements.count == 5_000)
    }

    /// Text between tags is stepped over whole, and a `<` in it that starts no tag (`1<2`, as
    /// HTML's tokenizer reads it) counts for nothing: the place past the limit is the tag's.
    @Test func nestingScanStepsOverTextBetweenTags() {
        let text = String(repeating: "a < b and 1<2 ", count: 200)
        let opening = (0..<300).map { "\(text)<div data-n=\"\($0)\">" }.joined()
        let html = "lead \(opening)deep<" + String(repeating: "</div>", count: 300) + " trailing <"
        let refused = HTMLParser.parse(html, refusalDepth: 250)
        let refusal = try! #require(refused.refusedNesting)
        #expect(refusal.depth == 300)
        let prefix = "lead " + (0..<250).map { "\(text)<div data-n=\"\($0)\">" }.joined() + text
        #expect(refusal.line == 1 && refusal.column == prefix.unicodeScalars.count + 1)
        #expect(HTMLParser.parse(html, refusalDepth: 300).refusedNesting == nil)
    }

    @Test func depthCapIsConfigurable() {
        let document = HTMLParser.parse("<div><div><div><p>x</p></div></div></div>", maxDepth: 3)
        // html > body > div is the cap: the deeper divs and the p become the capped div's children.
        let top = document.body!.childElements[0]
        #expect(top.childElements.map(\.tag) == ["div", "div", "p"])
        #expect(top.childElements.allSatisfy { $0.childElements.isEmpty })
    }

    /// The arena gumbo allocates from: every block aligned and apart from every other (each is
    /// filled and checked after all are handed out), requests larger than a block included.
    @Test func theArenaHandsOutSeparateAlignedBlocks() {
        let arena = GumboArena()
        var random = SystemRandomNumberGenerator()
        let sizes = (0..<5_000).map { index in index % 500 == 0 ? 300_000 + index : Int(random.next() % 700) }
        let blocks = sizes.map { arena.allocate($0) }
        for (index, (block, size)) in zip(blocks, sizes).enumerated() {
            #expect(Int(bitPattern: block) % 16 == 0)
            block.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: index), count: size)
        }
        var intact = true
        for (index, (block, size)) in zip(blocks, sizes).enumerated() {
            let bytes = UnsafeRawBufferPointer(start: block, count: size)
            if !bytes.allSatisfy({ $0 == UInt8(truncatingIfNeeded: index) }) { intact = false }
        }
        #expect(intact, "a block was written over by another")
    }

    /// A page large enough to make gumbo grow its buffers many times parses whole.
    @Test func aLargePageParsesWhole() {
        let rows = (0..<20_000).map { "<tr><td class=\"c\($0)\">Row \($0) \(String(repeating: "é", count: $0 % 40))</td></tr>" }
        let html = "<!DOCTYPE html><html lang=\"en\"><body><table>" + rows.joined(separator: "\n") + "</table></body></html>"
        let document = HTMLParser.parse(html)
        let table = document.body!.childElements[0]
        let body = table.childElements[0]
        #expect(body.tag == "tbody" && body.childElements.count == 20_000)
        let last = body.childElements[19_999].childElements[0]
        #expect(last.attribute("class") == "c19999" && last.line == 20_000)
        #expect(last.textContent == "Row 19999 " + String(repeating: "é", count: 19_999 % 40))
    }
}
