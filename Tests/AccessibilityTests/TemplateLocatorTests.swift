import Core
import Testing
@testable import Accessibility

@Suite struct TemplateLocatorTests {
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <body class="{{#page.is_home}}home{{/page.is_home}}">
        <!-- <nav id="main-nav"> is in the header partial -->
        {{> partials/header}}
        <main id="main-content" class="main">
          {{{body}}}
        </main>
        <footer class="footer">
          <a class="footer__link" href="/accessibility/">Accessibility</a>
          <a class="footer__link" href="{{site.privacy_url}}" {{#external}}target="_blank"{{/external}}>Privacy</a>
        </footer>
        </body>
        </html>
        """
    static let header = """
        <header class="header">
          <nav id="main-nav" class="nav" aria-label="Main">
            <ul class="nav__list">
              {{#site.navigation}}<li class="nav__item{{#current}} nav__item--current{{/current}}"><a class="nav__link nav__link--{{kind}}" href="{{url}}">{{title}}</a></li>{{/site.navigation}}
            </ul>
          </nav>
        </header>
        """
    let locator = TemplateLocator(templates: ["templates/layout.mustache": layout, "templates/partials/header.mustache": header])

    func element(_ tag: String, _ attributes: [(String, String)]) -> HTMLElement {
        HTMLElement(tag: tag, attributes: attributes.map { HTMLAttribute(name: $0.0, value: $0.1) })
    }

    @Test func findsATagByItsId() {
        let main = element("main", [("id", "main-content"), ("class", "main")])
        #expect(locator.locate(main) == SourceLocation(file: "templates/layout.mustache", line: 6, column: 1))
        let nav = element("nav", [("id", "main-nav"), ("class", "nav"), ("aria-label", "Main")])
        #expect(locator.locate(nav) == SourceLocation(file: "templates/partials/header.mustache", line: 2, column: 3))
    }

    @Test func mustacheInAttributesMatchesWhatItRendered() {
        let html = element("html", [("lang", "en-GB")])
        #expect(locator.locate(html)?.line == 2)
        let current = element("li", [("class", "nav__item nav__item--current")])
        #expect(locator.locate(current) == SourceLocation(file: "templates/partials/header.mustache", line: 4, column: 27))
        let link = element("a", [("class", "nav__link nav__link--guide"), ("href", "/report/")])
        #expect(locator.locate(link) == SourceLocation(file: "templates/partials/header.mustache", line: 4, column: 92))
        let body = element("body", [("class", "")])
        #expect(locator.locate(body)?.line == 3)
    }

    @Test func literalAttributesTellSimilarTagsApart() {
        let accessibility = element("a", [("class", "footer__link"), ("href", "/accessibility/")])
        #expect(locator.locate(accessibility)?.line == 10)
        let privacy = element("a", [("class", "footer__link"), ("href", "/privacy/"), ("target", "_blank")])
        #expect(locator.locate(privacy)?.line == 11)
    }

    @Test func commentsAreNotTags() {
        // The only <nav id="main-nav"> outside a comment is in the partial.
        let nav = element("nav", [("id", "main-nav"), ("class", "nav"), ("aria-label", "Main")])
        #expect(locator.locate(nav)?.file == "templates/partials/header.mustache")
    }

    @Test func noTemplateWroteIt() {
        #expect(locator.locate(element("table", [])) == nil)
        #expect(locator.locate(element("main", [("id", "other")])) == nil)
        #expect(locator.locate(element("a", [("class", "card__link")])) == nil)
        // Content from Markdown is never attributed to a template.
        #expect(locator.locate(element("main", [("id", "main-content"), ("data-sourcepos", "1:1-1:2")])) == nil)
        #expect(TemplateLocator(templates: [:]).isEmpty)
    }

    @Test func patternsMatchLikeGlobs() {
        let pattern = MustachePattern("nav__link nav__link--{{kind}} x{{#a}} y{{/a}}")
        #expect(pattern.requiredWords == ["nav__link"])
        #expect(pattern.matches("nav__link nav__link--guide x y"))
        #expect(pattern.matches("nav__link nav__link--guide x"))
        #expect(!pattern.matches("card nav__link--guide x"))
        #expect(MustachePattern("{{{url}}}").matches("anything at all"))
        #expect(MustachePattern("/report/").isLiteral)
        #expect(!MustachePattern("/report/").matches("/report/online/"))
    }
}
