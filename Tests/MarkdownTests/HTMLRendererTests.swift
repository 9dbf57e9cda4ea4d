import Core
import Testing
@testable import Markdown

/// The exact markup of docs/templates.md, escaping, and source positions.
@Suite struct HTMLRendererTests {
    func html(_ text: String, _ renderer: HTMLRenderer = HTMLRenderer()) -> String {
        renderer.render(MarkdownPipeline().run(text, file: "h.md").document)
    }

    @Test func commonMark() {
        #expect(html("## How to report\n\nText *em* **strong** `a<b`  \nnext\n\n> quote\n\n---\n") == """
        <h2 id="how-to-report">How to report</h2>
        <p>Text <em>em</em> <strong>strong</strong> <code>a&lt;b</code><br>
        next</p>
        <blockquote>
        <p>quote</p>
        </blockquote>
        <hr>

        """)
    }

    @Test func listsTightAndLoose() {
        #expect(html("- a\n- b\n\n3. c\n\n4. d\n") == """
        <ul>
        <li>a</li>
        <li>b</li>
        </ul>
        <ol start="3">
        <li>
        <p>c</p>
        </li>
        <li>
        <p>d</p>
        </li>
        </ol>

        """)
    }

    @Test func codeBlocksAreEscapedWithALanguageClass() {
        #expect(html("```swift \"x\"\nlet a = \"<b>\" && b\n```\n") == "<pre><code class=\"language-swift\">let a = &quot;&lt;b&gt;&quot; &amp;&amp; b\n</code></pre>\n")
    }

    @Test func textAndAttributesAreEscaped() {
        let text = "Tom & \"Jerry\" <3 [x](https://e.com/?a=1&b=\"2\" \"A \\\"title\\\" & <more>\") ![a \"quote\" & &lt;tag&gt;](i.png)\n"
        #expect(html(text) == "<p>Tom &amp; &quot;Jerry&quot; &lt;3 <a href=\"https://e.com/?a=1&amp;b=%222%22\" title=\"A &quot;title&quot; &amp; &lt;more&gt;\">x</a> <img src=\"i.png\" alt=\"a &quot;quote&quot; &amp; &lt;tag&gt;\"></p>\n")
    }

    @Test func urlsArePercentEncoded() {
        #expect(html("[a](<my file é.pdf>) [b](it's)\n") == "<p><a href=\"my%20file%20%C3%A9.pdf\">a</a> <a href=\"it&#x27;s\">b</a></p>\n")
    }

    @Test func decorativeImages() {
        #expect(html("![\"\"](divider.png) ![A map](map.png \"Where\")\n") == "<p><img src=\"divider.png\" alt=\"\"> <img src=\"map.png\" alt=\"A map\" title=\"Where\"></p>\n")
    }

    @Test func tables() {
        let text = "Table: Crimes in *2023*\n| Crime | Number |\n| :-- | --: |\n| Theft | 12 |\n\n| a |\n| :-: |\n"
        #expect(html(text) == """
        <div class="table-wrapper" role="region" aria-labelledby="table-caption-1" tabindex="0">
        <table class="table">
        <caption class="table__caption" id="table-caption-1">Crimes in <em>2023</em></caption>
        <thead>
        <tr>
        <th scope="col" class="align-left">Crime</th>
        <th scope="col" class="align-right">Number</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left">Theft</td>
        <td class="align-right">12</td>
        </tr>
        </tbody>
        </table>
        </div>
        <div class="table-wrapper" role="region" aria-label="Table" tabindex="0">
        <table class="table">
        <thead>
        <tr>
        <th scope="col" class="align-center">a</th>
        </tr>
        </thead>
        </table>
        </div>

        """)
    }

    @Test func captionIDsNeverRepeatAHeadingID() {
        let output = html("## Table caption 1\n\nTable: Figures\n| a |\n| - |\n")
        #expect(output.contains("<h2 id=\"table-caption-1\">"))
        #expect(output.contains("aria-labelledby=\"table-caption-2\""))
        #expect(output.contains("<caption class=\"table__caption\" id=\"table-caption-2\">"))
    }

    @Test func warningAndInset() {
        #expect(html("```warning\nCall **999** now.\n```\n\n```inset\nA note.\n```\n") == """
        <div class="warning-text"><span class="warning-text__icon" aria-hidden="true">!</span><strong class="warning-text__text"><span class="visually-hidden">Warning: </span>Call <strong>999</strong> now.</strong></div>
        <div class="inset-text">
        <p>A note.</p>
        </div>

        """)
    }

    @Test func details() {
        #expect(html("```details What <happens> next\nWe call.\n```\n") == """
        <details class="details"><summary class="details__summary"><span class="details__summary-text">What &lt;happens&gt; next</span></summary><div class="details__text">
        <p>We call.</p>
        </div></details>

        """)
    }

    @Test func contactAndSummary() {
        #expect(html("```contact\nPhone: 101\n```\n\n```summary\n- **Status**: Approved\n```\n") == """
        <dl class="summary-list contact-list">
        <div class="summary-list__row"><dt class="summary-list__key">Phone</dt><dd class="summary-list__value">101</dd></div>
        </dl>
        <dl class="summary-list">
        <div class="summary-list__row"><dt class="summary-list__key">Status</dt><dd class="summary-list__value">Approved</dd></div>
        </dl>

        """)
    }

    @Test func steps() {
        #expect(html("```steps\n## Check\nText.\n### Report\n```\n") == """
        <ol class="step-by-step">
        <li class="step-by-step__step"><h2 class="step-by-step__title" id="check"><span class="step-by-step__number"><span class="visually-hidden">Step </span>1<span class="visually-hidden">:</span></span> Check</h2><div class="step-by-step__body">
        <p>Text.</p>
        <h3 id="report">Report</h3>
        </div></li>
        </ol>

        """)
    }

    @Test func documentsWithAnnotations() {
        let document = MarkdownPipeline().run("```documents\n- [Annual report](a.pdf) — 12 March 2023\n- [Plan](p.docx)\n```\n", file: "h.md").document
        let (linked, _) = LinkRewriter.rewrite(document, file: "h.md") { destination, _ in
            destination == "a.pdf" ? .replace("/report/a.pdf", annotation: "PDF, 245 KB") : .keep
        }
        #expect(HTMLRenderer().render(linked) == """
        <ul class="document-list">
        <li class="document-list__item"><a class="document-list__link" href="/report/a.pdf">Annual report</a> <span class="document-list__meta">PDF, 245 KB, 12 March 2023</span></li>
        <li class="document-list__item"><a class="document-list__link" href="p.docx">Plan</a></li>
        </ul>

        """)
    }

    @Test func sourcePositionsOnElements() {
        let output = html("# T\n\nA [link](u) and ![img](i.png)\n\n| a |\n| - |\n", HTMLRenderer(sourcePositions: true))
        #expect(output == """
        <h1 id="t" data-sourcepos="1:1-1:3">T</h1>
        <p data-sourcepos="3:1-3:29">A <a href="u" data-sourcepos="3:3-3:11">link</a> and <img src="i.png" alt="img" data-sourcepos="3:17-3:29"></p>
        <div class="table-wrapper" role="region" aria-label="Table" tabindex="0">
        <table class="table" data-sourcepos="5:1-6:5">
        <thead>
        <tr data-sourcepos="5:1-5:5">
        <th scope="col" data-sourcepos="5:3-5:3">a</th>
        </tr>
        </thead>
        </table>
        </div>

        """)
    }

    @Test func removingSourcePositionsGivesThePlainRendering() {
        let text = "# T\n\nA [link](u \"data-sourcepos\") `data-sourcepos=\"1\"` ![i](i.png)\n\n```steps\n## S\n```\n"
        let document = MarkdownPipeline().run(text, file: "h.md").document
        let with = HTMLRenderer(sourcePositions: true).render(document)
        #expect(with.contains("data-sourcepos=\"3:3-3:28\""))
        #expect(HTMLRenderer.removingSourcePositions(with) == HTMLRenderer().render(document))
        #expect(HTMLRenderer.removingSourcePositions("") == "")
        #expect(HTMLRenderer.removingSourcePositions("<p data-sourcepos=\"1:1-1:2\">é</p>") == "<p>é</p>")
        // At either end, side by side, and cut off without its closing quote.
        #expect(HTMLRenderer.removingSourcePositions(" data-sourcepos=\"1\"<p data-sourcepos=\"2\" data-sourcepos=\"3\">x") == "<p>x")
        #expect(HTMLRenderer.removingSourcePositions("<p>no attributes</p>") == "<p>no attributes</p>")
        #expect(HTMLRenderer.removingSourcePositions("<p data-sourcepos=\"1:1") == "<p")
        #expect(HTMLRenderer.removingSourcePositions("<p data-sourcepos=\"") == "<p")
        #expect(HTMLRenderer.removingSourcePositions("<p data-sourcepos") == "<p data-sourcepos")
    }

    @Test func plainTablesForFeeds() {
        #expect(html("Table: C\n| a |\n| - |\n", HTMLRenderer(tableRegions: false)) == "<table>\n<caption>C</caption>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n</table>\n")
    }
}
