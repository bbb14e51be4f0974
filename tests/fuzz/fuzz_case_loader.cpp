// libFuzzer target: arbitrary bytes as every kind of case file (docs/fuzzing.md).
//
// The document layer, for each input: parse_canonical (the fast path) never throws; when it accepts
// the text and yaml-cpp does too, both give the same tree (kind, text, quoting, lines; the
// comparison of tests/store/doc_test.cpp); parse_document (fast path, else yaml-cpp, after the hostile-input
// checks) accepts exactly what parse_with_yaml_cpp accepts, with the same tree; only cspr::Error
// escapes either.
//
// Then for each parser (referral, notification, rapid review, decision, publication, actions,
// panel response, lateness, cspr.yaml, ids.yaml):
//   1. collect mode never lets anything but cspr::Error escape (and, like `cspr validate`, which
//      catches it per file, a cspr::Error is tolerated);
//   2. strict mode never lets anything but cspr::Error escape;
//   3. the two modes agree: strict throws exactly when collect reported a problem, and when neither
//      did they return equal values;
//   4. round trip: for an input that parses cleanly, format(value) parses cleanly again to an equal
//      value, and formatting that value gives the same bytes (the formatter is a fixed point); or,
//      when the input holds aliases, the check every write makes (require_readable) refuses it.
//
// A violated property prints what was compared and aborts, which libFuzzer records as a crash.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include "cspr/error.hpp"
#include "cspr/store.hpp"
#include "store/doc.hpp"
#include "store/map_reader.hpp"
#include "store/yaml_write.hpp"

namespace {

using cspr::store::Diagnostics;
using cspr::store::DocNode;

const std::string kFile = "fuzz.yaml";

[[noreturn]] void violated(std::string_view kind, std::string_view property, std::string_view detail) {
    std::string report = "\n==== cspr fuzz: property violated ====\nparser:   " + std::string(kind) +
                         "\nproperty: " + std::string(property) + "\n" + std::string(detail) + "\n";
    std::fwrite(report.data(), 1, report.size(), stderr);
    std::abort();
}

// The text as it is, but for control bytes (other than newline), shown as \xNN.
std::string visible(std::string_view text) {
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
        } else {
            out += ch;
        }
    }
    return out;
}

std::string quoted_block(std::string_view title, std::string_view text) {
    return std::string(title) + " (" + std::to_string(text.size()) + " bytes; control bytes shown as \\xNN):\n-----\n" +
           visible(text) + "\n-----\n";
}

std::string problems_text(const Diagnostics& d) {
    std::string out;
    for (const auto& e : d.problems()) out += "  " + std::string(e.what()) + "\n";
    return out;
}

// Calls `parse`, turning any exception but cspr::Error into a reported violation.
// Returns false when a cspr::Error escaped (message in `error`).
template <typename Value, typename Parse>
bool parse_guarded(std::string_view kind, std::string_view mode, std::string_view text, Parse&& parse, Value& out,
                   std::string& error) {
    try {
        out = parse(text);
        return true;
    } catch (const cspr::Error& e) {
        error = e.what();
        return false;
    } catch (const std::exception& e) {
        violated(kind, std::string(mode) + ": only cspr::Error may escape a parser",
                 std::string("escaped: ") + typeid(e).name() + ": " + e.what() + "\n" + quoted_block("input", text));
    } catch (...) {
        violated(kind, std::string(mode) + ": only cspr::Error may escape a parser",
                 "escaped: a non-std exception\n" + quoted_block("input", text));
    }
}

// One file kind: `parse(text, diagnostics)` and `format(value)`.
template <typename Value, typename Parse, typename Format>
void check_kind(std::string_view kind, std::string_view text, Parse parse, Format format) {
    // 1. collect mode
    Diagnostics collect(Diagnostics::Mode::collect);
    Value collected{};
    std::string collect_error;
    const bool collect_returned = parse_guarded(
        kind, "collect mode", text, [&](std::string_view t) { return parse(t, collect); }, collected, collect_error);
    const bool clean = collect_returned && collect.problems().empty();

    // 2. strict mode
    Diagnostics strict(Diagnostics::Mode::strict);
    Value strict_value{};
    std::string strict_error;
    const bool strict_returned = parse_guarded(
        kind, "strict mode", text, [&](std::string_view t) { return parse(t, strict); }, strict_value, strict_error);

    // 3. the modes agree
    if (clean != strict_returned)
        violated(kind, "strict mode throws exactly when collect mode reports a problem",
                 std::string("collect: ") +
                     (clean              ? "clean"
                      : collect_returned ? "problems:\n" + problems_text(collect)
                                         : "threw: " + collect_error) +
                     "\nstrict: " + (strict_returned ? "returned a value" : "threw: " + strict_error) + "\n" +
                     quoted_block("input", text));
    if (!clean) return;
    if (!(collected == strict_value))
        violated(kind, "collect and strict mode give equal values",
                 quoted_block("input", text) + quoted_block("format(collect)", format(collected)) +
                     quoted_block("format(strict)", format(strict_value)));

    // 4. round trip
    const std::string written = format(collected);
    // Aliases are written out in full, and a small file can come back past the reader's limits. Every
    // write refuses such a text before anything reaches the disk (require_readable, the check of
    // tests/regress/rewrite-past-read-limits.test), so that refusal is cspr keeping its promise; but
    // only aliases may make the written text so much larger than the one read.
    try {
        cspr::store::require_readable(kFile, written);
    } catch (const cspr::Error& e) {
        if (text.find('*') == std::string_view::npos)
            violated(kind, "round trip: only aliases written out in full take a file past the reader's limits",
                     std::string("require_readable: ") + e.what() + "\n" + quoted_block("input", text));
        return;
    }
    Diagnostics again(Diagnostics::Mode::collect);
    Value reread{};
    std::string reread_error;
    const bool reread_returned = parse_guarded(
        kind, "re-reading formatted output", written, [&](std::string_view t) { return parse(t, again); }, reread,
        reread_error);
    if (!reread_returned || !again.problems().empty())
        violated(kind, "round trip: what the formatter writes parses cleanly",
                 quoted_block("input", text) + quoted_block("formatted", written) + "problems:\n" +
                     (reread_returned ? problems_text(again) : "  threw: " + reread_error + "\n"));
    const std::string rewritten = format(reread);
    if (!(reread == collected))
        violated(kind, "round trip: parse(format(v)) == v",
                 quoted_block("input", text) + quoted_block("formatted", written) +
                     quoted_block("formatted again", rewritten) +
                     (written == rewritten ? "(the two texts are equal: the values differ in a way format hides)\n"
                                           : ""));
    if (rewritten != written)
        violated(kind, "round trip: format(parse(format(v))) == format(v)",
                 quoted_block("input", text) + quoted_block("formatted", written) +
                     quoted_block("formatted again", rewritten));
}

// ---- parse_canonical vs yaml-cpp (the comparison of tests/store/doc_test.cpp) ----

// Same tree, same text, same quoting, same lines (a null's line is not compared: yaml-cpp's position
// for an empty value varies and nothing reports it).
std::string difference(const DocNode& a, const DocNode& b, const std::string& where) {
    if (a.kind != b.kind) return where + ": kind differs";
    if (a.is_null()) return "";
    if (a.line != b.line) return where + ": line " + std::to_string(a.line) + " vs " + std::to_string(b.line);
    if (a.is_scalar() && (a.scalar != b.scalar || a.quoted != b.quoted))
        return where + ": scalar '" + a.scalar + "'" + (a.quoted ? " (quoted)" : "") + " vs '" + b.scalar + "'" +
               (b.quoted ? " (quoted)" : "");
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) return where + ": size differs";
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto d = difference(a.items[i], b.items[i], where + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        if (auto d = difference(a.entries[i].first, b.entries[i].first, where + ".<key>"); !d.empty()) return d;
        if (auto d = difference(a.entries[i].second, b.entries[i].second, where + "." + a.entries[i].first.scalar);
            !d.empty())
            return d;
    }
    return "";
}

// True when some scalar (key or value) of the tree satisfies `pred`.
template <typename Pred>
bool any_scalar(const DocNode& n, Pred pred) {
    if (n.is_scalar()) return pred(n.scalar);
    for (const auto& item : n.items)
        if (any_scalar(item, pred)) return true;
    for (const auto& [key, value] : n.entries)
        if (any_scalar(key, pred) || any_scalar(value, pred)) return true;
    return false;
}

// True when `s` is not well-formed UTF-8.
bool invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > s.size() || (length == 2 && c < 0xC2)) return true;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return true;
        i += length;
    }
    return false;
}

// The document layer. parse_document (what every reader calls) takes the fast path when
// parse_canonical accepts the text, else yaml-cpp; both must give what parse_with_yaml_cpp gives:
// the same refusal, or the same tree. Returns parse_document's tree, or nullopt when it refused.
std::optional<DocNode> check_documents(std::string_view text, std::string& refusal) {
    std::optional<DocNode> fast;
    try {
        fast = cspr::store::parse_canonical(text);
    } catch (const std::exception& e) {
        violated("parse_canonical", "the fast parser declines, it never throws",
                 std::string(typeid(e).name()) + ": " + e.what() + "\n" + quoted_block("input", text));
    }
    DocNode slow, doc;
    std::string slow_error, doc_error;
    const bool slow_ok = parse_guarded(
        "parse_with_yaml_cpp", "document", text,
        [](std::string_view t) { return cspr::store::parse_with_yaml_cpp(t, kFile); }, slow, slow_error);
    const bool doc_ok = parse_guarded(
        "parse_document", "document", text, [](std::string_view t) { return cspr::store::parse_document(t, kFile); },
        doc, doc_error);
    if (fast && slow_ok) {
        if (const auto diff = difference(*fast, slow, "root"); !diff.empty())
            violated("parse_canonical", "the fast parser and yaml-cpp give the same tree",
                     "first difference (fast vs yaml-cpp): " + diff + "\n" + quoted_block("input", text));
    }
    if (doc_ok && !slow_ok)
        violated("parse_document",
                 std::string("what parse_document accepts") + (fast ? " (by the fast path)" : "") +
                     ", yaml-cpp accepts",
                 "yaml-cpp: " + slow_error + "\n" + quoted_block("input", text));
    if (!doc_ok && slow_ok)
        violated("parse_document", "what yaml-cpp accepts, parse_document accepts",
                 "parse_document: " + doc_error + "\n" + quoted_block("input", text));
    if (!doc_ok) {
        refusal = doc_error;
        return std::nullopt;
    }
    if (const auto diff = difference(doc, slow, "root"); !diff.empty())
        violated("parse_document", "parse_document and yaml-cpp give the same tree",
                 "first difference (parse_document vs yaml-cpp): " + diff + "\n" + quoted_block("input", text));
    if (any_scalar(doc, invalid_utf8))
        violated("parse_document", "every text read is UTF-8 (what cspr writes back must load again)",
                 quoted_block("input", text));
    return doc;
}

std::size_t count_nodes(const DocNode& n) {
    std::size_t count = 1;
    for (const auto& item : n.items) count += count_nodes(item);
    for (const auto& [key, value] : n.entries) count += count_nodes(key) + count_nodes(value);
    return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace store = cspr::store;
    namespace model = cspr::model;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::string refusal;
    const auto tree = check_documents(text, refusal);

    using Check = void (*)(std::string_view);
    static constexpr std::array<Check, 10> kKinds = {
        [](std::string_view t) {
            check_kind<model::Referral>(
                "referral", t, [](std::string_view x, Diagnostics& d) { return store::parse_referral(x, kFile, d); },
                store::format_referral);
        },
        [](std::string_view t) {
            check_kind<model::Notification>(
                "notification", t,
                [](std::string_view x, Diagnostics& d) { return store::parse_notification(x, kFile, d); },
                store::format_notification);
        },
        [](std::string_view t) {
            check_kind<model::RapidReview>(
                "rapid-review", t,
                [](std::string_view x, Diagnostics& d) { return store::parse_rapid_review(x, kFile, d); },
                store::format_rapid_review);
        },
        [](std::string_view t) {
            check_kind<model::Decision>(
                "decision", t, [](std::string_view x, Diagnostics& d) { return store::parse_decision(x, kFile, d); },
                store::format_decision);
        },
        [](std::string_view t) {
            check_kind<model::Publication>(
                "publication", t,
                [](std::string_view x, Diagnostics& d) { return store::parse_publication(x, kFile, d); },
                store::format_publication);
        },
        [](std::string_view t) {
            check_kind<model::Actions>(
                "actions", t, [](std::string_view x, Diagnostics& d) { return store::parse_actions(x, kFile, d); },
                store::format_actions);
        },
        [](std::string_view t) {
            check_kind<model::PanelResponse>(
                "panel-response", t,
                [](std::string_view x, Diagnostics& d) { return store::parse_panel_response(x, kFile, d); },
                store::format_panel_response);
        },
        [](std::string_view t) {
            check_kind<model::Lateness>(
                "lateness", t, [](std::string_view x, Diagnostics& d) { return store::parse_lateness(x, kFile, d); },
                store::format_lateness);
        },
        [](std::string_view t) {
            check_kind<model::Config>(
                "config", t, [](std::string_view x, Diagnostics& d) { return store::parse_config(x, kFile, d); },
                store::format_config);
        },
        [](std::string_view t) {
            check_kind<std::map<int, int>>(
                "ids", t, [](std::string_view x, Diagnostics& d) { return store::parse_ids(x, kFile, d); },
                store::format_ids);
        },
    };
    // Every parser reads every input, except a huge document (aliases expanding towards the node
    // budget): each parse of one costs about half a second under the sanitizers, so only one parser,
    // chosen by the input's size, reads it — else 21 parses would hit the 10 s timeout.
    const bool huge = tree ? count_nodes(*tree) > 20'000 : refusal.find("too many values") != std::string::npos;
    if (huge) {
        kKinds[size % kKinds.size()](text);
        return 0;
    }
    for (const Check check : kKinds) check(text);
    return 0;
}
