// Private to the report checker of `cspr publish-check` (src/rules/report*.cpp): finding the
// identifying details a case records in a final report (report_details.cpp, and the dates in report_text.cpp;
// docs/report-shape.md "Identifying details").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cspr/rules.hpp"

namespace cspr::rules::prose {

// Appends one finding per kind per line of `text` that holds one of `details`, never quoting it.
void check_identifying(std::string_view text, const std::vector<IdentifyingDetail>& details,
                       std::vector<ReportFinding>& out);

// The report as the detail search reads it, the same length in both: curly apostrophes and quotes
// made straight, accented Latin letters made plain, soft hyphens, zero-width characters, Markdown
// emphasis and escapes removed, a no-break space made a space. `cased` keeps the case; `low` does not.
struct Folded {
    std::string cased, low;
};
Folded fold(std::string_view text);

struct DateMatch {
    std::size_t begin = 0, end = 0;
    std::size_t detail = 0;
};
// Every date in lower-case folded text equal to one of `dates` (year, month, day, and the index of
// its detail), in any form a reader would recognise (report_text.cpp).
struct WantedDate {
    int year = 0;
    unsigned month = 0, day = 0;
    std::size_t detail = 0;
};
std::vector<DateMatch> find_wanted_dates(std::string_view low, const std::vector<WantedDate>& dates);

}  // namespace cspr::rules::prose
