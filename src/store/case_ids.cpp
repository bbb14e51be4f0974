// cases/ids.yaml as `cspr validate` checks it: every later referral reads it, so a file it cannot read
// would stop refer, and one behind the case folders says less than the folder holds.
#include <map>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace cspr::store {

std::vector<Error> case_id_problems(const CaseFolder& folder) {
    const fs::path path = folder.root / "cases" / "ids.yaml";
    std::optional<std::string> text;
    try {
        text = read_case_file_if_exists(path);
    } catch (const Error& e) {
        return {e};
    }
    if (!text) return {};  // refer writes it again, counting the case folders
    Diagnostics problems(Diagnostics::Mode::collect);
    std::map<int, int> last;
    try {
        last = parse_ids(*text, path.string(), problems);
    } catch (const Error& e) {
        problems.report(e);
    }
    std::vector<Error> out = problems.problems();
    if (!out.empty()) return out;  // the numbers are compared only when the file reads
    // The highest case number of each year in the folders (IDs of this folder's code only).
    std::map<int, std::pair<int, std::string>> highest;
    const std::string code = folder.config.code + "-";
    for (const auto& id : list_case_ids(folder)) {
        if (!id.starts_with(code) || id.size() < code.size() + 6) continue;
        const int year = std::stoi(id.substr(code.size(), 4));
        const int number = std::stoi(id.substr(code.size() + 5));
        if (number > highest[year].first) highest[year] = {number, id};
    }
    for (const auto& [year, found] : highest) {
        if (last[year] >= found.first) continue;
        const std::string field = "last." + std::to_string(year);
        out.emplace_back("lower than the number of case " + found.second + ", which exists: set it to " +
                             std::to_string(found.first) +
                             " or more (refer never reuses a number, but this file should say so)",
                         Location{path.string(), line_of_field(*text, field), field});
    }
    return out;
}

}  // namespace cspr::store
