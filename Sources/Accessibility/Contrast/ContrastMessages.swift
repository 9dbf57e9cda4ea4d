import Core

/// Turns verdicts into diagnostics a person can act on: what the colours are, what is needed,
/// which rule set them, and what to change.
enum ContrastMessages {
    struct Scenario: Hashable {
        var scheme: ColourScheme
        var state: InteractionState
    }

    /// " in dark mode, on hover" — empty for the plain light, unhovered case.
    static func qualifier(_ scenarios: [Scenario]) -> String {
        if scenarios.contains(Scenario(scheme: .light, state: .normal)) { return "" }
        var parts: [String] = []
        let schemes = Set(scenarios.map(\.scheme))
        if schemes == [.dark] { parts.append("in dark mode") }
        let states = Set(scenarios.map(\.state))
        if !states.contains(.normal) {
            let phrases = InteractionState.allCases.filter(states.contains).compactMap(\.phrase)
            if !phrases.isEmpty { parts.append(phrases.joined(separator: " and ")) }
        }
        return parts.isEmpty ? "" : " " + parts.joined(separator: ", ")
    }

    static func quote(_ text: String) -> String { "'\(text)'" }

    /// A diagnostic about some text, waiting for the text: `before + 'text' + after`.
    struct TextTemplate: Sendable {
        var severity: Severity
        var before: String
        var after: String
        var hint: String
        var rule: RuleReference

        func diagnostic(text: String, at location: SourceLocation) -> Diagnostic {
            Diagnostic(severity, before + quote(text) + after, at: location, hint: hint, rule: rule)
        }
    }

    static func textDiagnostic(
        _ verdict: TextVerdict, scenarios: [Scenario], text: String, isLink: Bool, location: SourceLocation,
        conditional: String? = nil, hint fixHint: (TextVerdict) -> String = ContrastMessages.fixHint
    ) -> Diagnostic? {
        textTemplate(verdict, scenarios: scenarios, isLink: isLink, conditional: conditional, hint: fixHint)?
            .diagnostic(text: text, at: location)
    }

    static func textTemplate(
        _ verdict: TextVerdict, scenarios: [Scenario], isLink: Bool, conditional: String? = nil,
        hint fixHint: (TextVerdict) -> String = ContrastMessages.fixHint
    ) -> TextTemplate? {
        let subject = isLink ? "Link text" : "Text"
        let where_ = qualifier(scenarios)
        switch verdict.kind {
        case .pass, .hidden:
            return nil
        case .fail:
            guard let foreground = verdict.foreground, let background = verdict.background, let ratio = verdict.ratio else { return nil }
            let needs = WCAGContrast.formatRequirement(verdict.required) + (verdict.required < WCAGContrast.normalText ? " for large text" : "")
            let apca = verdict.apca.map { " (APCA \(APCA.format($0)))" } ?? ""
            if let conditional {
                return TextTemplate(
                    severity: .warning, before: subject + " ",
                    after: " may be \(foreground.hex) on \(background.hex)\(where_) \(conditional): contrast \(WCAGContrast.format(ratio)), needs \(needs)\(apca)",
                    hint: "Check the page in that case. " + fixHint(verdict), rule: ContrastRules.needsReview)
            }
            return TextTemplate(
                severity: .error, before: subject + " ",
                after: " is \(foreground.hex) on \(background.hex)\(where_): contrast \(WCAGContrast.format(ratio)), needs \(needs)\(apca)",
                hint: fixHint(verdict), rule: ContrastRules.text)
        case .review:
            let condition = conditional.map { " \($0)" } ?? ""
            if let problem = verdict.problem {
                var hint = "Check it by eye or with a colour picker against what is really behind the text; a solid background colour behind text lets Herald check it."
                if let source = problem.source { hint += " This comes from \(source.description)." }
                return TextTemplate(
                    severity: .warning, before: "Contrast of \(subject.lowercased()) ",
                    after: "\(where_)\(condition) cannot be checked: \(problem.reason)", hint: hint, rule: ContrastRules.needsReview)
            }
            guard let foreground = verdict.foreground, let background = verdict.background, let ratio = verdict.ratio else { return nil }
            let apca = verdict.apca.map { " (APCA \(APCA.format($0)))" } ?? ""
            return TextTemplate(
                severity: .warning, before: subject + " ",
                after: " is \(foreground.hex) on \(background.hex)\(where_)\(condition): contrast \(WCAGContrast.format(ratio))\(apca); \(verdict.note ?? "it needs checking by hand")",
                hint: fixHint(verdict), rule: ContrastRules.needsReview)
        }
    }

    static func fixHint(_ verdict: TextVerdict) -> String {
        guard let foreground = verdict.foreground, let background = verdict.background else { return "" }
        var hint: String
        if let (suggested, darker) = suggestion(foreground: foreground, background: background, required: verdict.required) {
            hint = darker
                ? "Darken the text to \(suggested.hex) or darker, or lighten the background."
                : "Lighten the text to \(suggested.hex) or lighter, or darken the background."
        } else {
            hint = "Change the background: no text colour reaches \(WCAGContrast.formatRequirement(verdict.required)) on \(background.hex)."
        }
        var origins: [String] = []
        if let source = verdict.foregroundSource { origins.append("the text colour comes from \(source.description)") }
        if let source = verdict.backgroundSource {
            origins.append("the background from \(source.description)")
        } else if let owner = verdict.backgroundOwner, owner == "the page" {
            origins.append("the background is the browser's default page colour")
        }
        if !origins.isEmpty {
            let sentence = origins.joined(separator: "; ")
            hint += " " + sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
        }
        return hint
    }

    /// The nearest text colour (towards black or white) that reaches `required` on `background`,
    /// already rounded to 8 bits and checked, and whether it is darker.
    static func suggestion(foreground: RGBA, background: RGBA, required: Double) -> (RGBA, Bool)? {
        let preferDarker = WCAGContrast.luminance(background) >= WCAGContrast.luminance(foreground)
        for darker in [preferDarker, !preferDarker] {
            let target: RGBA = darker ? .black : .white
            guard WCAGContrast.ratio(target, background) >= required else { continue }
            func mix(_ t: Double) -> RGBA {
                RGBA(red: foreground.red + (target.red - foreground.red) * t,
                     green: foreground.green + (target.green - foreground.green) * t,
                     blue: foreground.blue + (target.blue - foreground.blue) * t).rounded
            }
            var low = 0.0, high = 1.0
            for _ in 0..<40 {
                let middle = (low + high) / 2
                if WCAGContrast.ratio(mix(middle), background) >= required { high = middle } else { low = middle }
            }
            var t = high
            while WCAGContrast.ratio(mix(t), background) < required && t < 1 { t = min(1, t + 0.002) }
            return (mix(t), darker)
        }
        return nil
    }

    /// - Parameter makeName: how the element is named in the message, worked out only for a finding.
    static func focusDiagnostic(_ verdict: NonTextVerdict, scenarios: [Scenario], name makeName: @autoclosure () -> String,
                                location: SourceLocation) -> Diagnostic? {
        // The name and the qualifier are made only for a finding: most verdicts pass.
        let qualified = { qualifier(scenarios.map { Scenario(scheme: $0.scheme, state: .normal) }) }
        switch verdict.kind {
        case .pass, .notApplicable:
            return nil
        case .fail:
            guard let colour = verdict.colour, let against = verdict.against, let ratio = verdict.ratio else { return nil }
            let name = makeName(), where_ = qualified()
            var hint = "Make the focus indicator contrast at least 3:1 with the background around \(name): a darker or lighter outline, or a two-colour ring (an outline with a contrasting box-shadow)."
            if let source = verdict.source { hint += " The \(verdict.part) comes from \(source.description)." }
            return Diagnostic(
                .error,
                "The \(verdict.part) of \(name) is \(colour.hex) against \(against.hex)\(where_): contrast \(WCAGContrast.format(ratio)), needs 3:1",
                at: location, hint: hint, rule: ContrastRules.nonText)
        case .review:
            let name = makeName(), where_ = qualified()
            let reason = verdict.problem?.reason ?? "its focus indicator cannot be worked out"
            var hint = "Keep a visible focus indicator: give :focus-visible an outline or box-shadow that contrasts 3:1 with the background."
            if let source = verdict.problem?.source { hint += " See \(source.description)." }
            return Diagnostic(.warning, "The focus indicator of \(name)\(where_) needs checking by hand: \(reason)",
                              at: location, hint: hint, rule: ContrastRules.needsReview)
        }
    }

    static func boundaryDiagnostic(_ verdict: NonTextVerdict, scenarios: [Scenario], name makeName: @autoclosure () -> String,
                                   location: SourceLocation) -> Diagnostic? {
        switch verdict.kind {
        case .pass, .notApplicable:
            return nil
        case .fail, .review:
            let name = makeName(), where_ = qualifier(scenarios)
            if let colour = verdict.colour, let against = verdict.against, let ratio = verdict.ratio {
                var hint = "Give \(name) a border that contrasts at least 3:1 with the background around it"
                if let (suggested, darker) = suggestion(foreground: colour, background: against, required: WCAGContrast.nonText) {
                    hint += " (for example \(suggested.hex) or \(darker ? "darker" : "lighter"))"
                }
                hint += "."
                if let source = verdict.source { hint += " The border colour comes from \(source.description)." }
                let detail = verdict.detail.map { "; \($0)" } ?? ""
                let message = "The border of \(name) is \(colour.hex) against \(against.hex)\(where_): contrast \(WCAGContrast.format(ratio)), needs 3:1\(detail)"
                if verdict.kind == .fail {
                    return Diagnostic(.error, message, at: location, hint: hint, rule: ContrastRules.nonText)
                }
                return Diagnostic(.warning, message + " (fine if its text alone marks it out as a button)", at: location, hint: hint,
                                  rule: ContrastRules.needsReview)
            }
            let reason = verdict.problem?.reason ?? "its boundary cannot be worked out"
            return Diagnostic(.warning, "The boundary of \(name)\(where_) needs checking by hand: \(reason)", at: location,
                              hint: "Give \(name) a border (or background) that contrasts at least 3:1 with what is around it.",
                              rule: ContrastRules.needsReview)
        }
    }

    static func linkDiagnostic(_ verdict: NonTextVerdict, scenarios: [Scenario], text makeText: @autoclosure () -> String,
                               location: SourceLocation) -> Diagnostic? {
        guard verdict.kind == .fail, let colour = verdict.colour, let against = verdict.against, let ratio = verdict.ratio else { return nil }
        let text = makeText()
        let where_ = qualifier(scenarios)
        return Diagnostic(
            .error,
            "Link \(quote(text)) is told apart from the text around it by colour alone\(where_): \(colour.hex) against \(against.hex), contrast \(WCAGContrast.format(ratio)) (needs 3:1, or an underline)",
            at: location,
            hint: "Underline links in running text (text-decoration: underline), or make the link colour contrast at least 3:1 with the text around it.",
            rule: ContrastRules.linkColourOnly)
    }
}
