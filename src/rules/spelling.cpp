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

// Optimal string alignment: insertions, deletions, substitutions and the swap of two neighbouring
// letters each count one ("lsit" is one edit from "list").
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
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
