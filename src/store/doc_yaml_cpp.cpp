// The yaml-cpp adapter: any YAML (or JSON) read by yaml-cpp and converted to a DocNode, within the
// bounds on values, nesting and key length (doc_parts.hpp), with yaml-cpp's errors made cspr::Error.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "cspr/error.hpp"
#include "doc.hpp"
#include "doc_parts.hpp"

namespace cspr::store {

namespace {

std::string too_deep() { return "nested more than " + std::to_string(kMaxNesting) + " levels deep"; }

struct Budget {
    std::size_t nodes = 0;
    const std::string& file;
    int depth = 0;
};

struct Descend {
    Budget& budget;
    Descend(Budget& b, int line) : budget(b) {
        if (++budget.depth > kMaxNesting) throw Error(too_deep(), {budget.file, line, ""});
    }
    ~Descend() { --budget.depth; }
};

// yaml-cpp 0.7 decodes the escapes "\N" and "\_" to the single bytes 85 and A0 instead of the
// UTF-8 of U+0085 and U+00A0 (every other escape is UTF-8). The text was checked to be UTF-8, so
// a stray byte can only come from those two.
void repair_escapes(std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = utf8_length(static_cast<unsigned char>(s[i]));
        if (length == 0 && out.empty()) out.assign(s, 0, i);
        if (length == 0) out += '\xC2';  // 85 → C2 85, A0 → C2 A0
        const std::size_t step = std::max<std::size_t>(length, 1);
        if (!out.empty()) out.append(s, i, step);
        i += step;
    }
    if (!out.empty()) s = std::move(out);
}

DocNode convert(const YAML::Node& node, Budget& budget);

void convert_entry(const YAML::Node& key, const YAML::Node& value, Budget& budget, DocNode& map) {
    DocNode k = convert(key, budget);
    if (k.is_map() || k.is_sequence())
        throw Error("a key must be text, not a list or mapping", {budget.file, k.line, ""});
    if (k.scalar.size() > kMaxKeyBytes)
        throw Error("a key longer than " + std::to_string(kMaxKeyBytes) + " characters", {budget.file, k.line, ""});
    map.entries.emplace_back(std::move(k), convert(value, budget));
}

DocNode convert(const YAML::Node& node, Budget& budget) {
    DocNode out;
    out.line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
    const Descend level(budget, out.line);
    if (++budget.nodes > kMaxNodes)
        throw Error("too many values (more than " + std::to_string(kMaxNodes) + " with aliases expanded)",
                    {budget.file, out.line, ""});
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            out.kind = DocNode::Kind::scalar;
            out.scalar = node.Scalar();
            out.quoted = node.Tag() != "?";  // "!" for quoted; any explicit tag also makes it text
            repair_escapes(out.scalar);
            break;
        case YAML::NodeType::Sequence:
            out.kind = DocNode::Kind::sequence;
            for (const auto& item : node) out.items.push_back(convert(item, budget));
            break;
        case YAML::NodeType::Map:
            out.kind = DocNode::Kind::map;
            for (const auto& entry : node) convert_entry(entry.first, entry.second, budget, out);
            break;
        default: break;
    }
    return out;
}

// yaml-cpp's messages for a tab in the indentation ("illegal map value") do not mention it.
std::string tab_hint(std::string_view text, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line - 1 && start != std::string_view::npos; ++l) start = text.find('\n', start) + 1;
    for (int l = 0; l < 2 && start != std::string_view::npos && start < text.size(); ++l) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view row = text.substr(start, end - start);
        const std::size_t indent = row.find_first_not_of(" \t");
        if (row.substr(0, indent).find('\t') != std::string_view::npos)
            return " (a tab in the indentation? YAML indents with spaces)";
        start = end + 1;
    }
    return "";
}

}  // namespace

DocNode load_with_yaml_cpp(std::string_view text, const std::string& file) {
    try {
        Budget budget{0, file, 0};
        return convert(YAML::Load(std::string(text)), budget);
    } catch (const YAML::DeepRecursion& e) {
        throw Error(too_deep(), {file, e.mark.is_null() ? 0 : e.mark.line + 1, ""});
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        throw Error("malformed YAML: " + e.msg + tab_hint(text, line), {file, line, ""});
    }
}

DocNode parse_with_yaml_cpp(std::string_view text, const std::string& file) {
    check_hostile(text, file);
    return load_with_yaml_cpp(text, file);
}

}  // namespace cspr::store
