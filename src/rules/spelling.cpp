// Near misses in names people type: a misspelt agency, a placeholder where a name belongs.
#include <algorithm>
#include <cctype>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

std::string folded(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::string name_key(std::string_view name) {
    std::string key;
    for (const char c : name) {
        const bool space = c == ' ' || c == '\t';
        if (space && (key.empty() || key.back() == ' ')) continue;
        key += space ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& known) {
    const std::string key = folded(typed);
    // A slip of a letter or two, more in a long name: "Westshire Health Visitng".
    std::size_t best_distance = std::max<std::size_t>(3, key.size() / 5 + 1);
    std::optional<std::string> best;
    for (const auto& name : known) {
        const std::size_t d = edit_distance(key, folded(name));
        if (d < best_distance) best = name, best_distance = d;
    }
    return best;
}

bool is_placeholder_name(std::string_view name) {
    const std::string key = " " + folded(name) + " ";
    if (key == "  ") return true;
    std::string letters = key;  // "T.B.C." and "N/A" are tbc and na
    std::erase(letters, ' ');
    for (const std::string_view w : {"tbc", "tba", "tbd", "na", "tbn"})
        if (letters == w) return true;
    static constexpr std::string_view kWords[] = {" to be ",    " tbc ",     " tba ",         " tbd ",
                                                  " tbn ",      " not yet ", " unknown ",     " not known ",
                                                  " n a ",      " none ",    " pending ",     " await",
                                                  " vacant ",   " unnamed ", " placeholder ", " to follow ",
                                                  " not named "};
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](std::string_view w) { return key.find(w) != std::string::npos; });
}

}  // namespace cspr::rules
