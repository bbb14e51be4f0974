// The one way a command changes a case: open the folder, lock the case, load it, check the case as it
// would be, write the file, commit when asked.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace cspr::cli {

// A case opened to change one of its files: the folder, the case's lock (held from load to save and
// until the object goes, so that no other writer's change is lost in between), the case as on disk,
// and the case as changed.
class CaseChange {
public:
    // Opens the case folder, locks case `id` and loads it (strictly: a case cspr cannot read is
    // refused before anything is changed).
    CaseChange(const Context& ctx, const std::string& id);

    const store::CaseFolder& folder() const { return folder_; }
    const model::Case& before() const { return before_; }
    model::Case& after() { return after_; }
    const model::Case& after() const { return after_; }

    // Refuses the problems of the case as changed, writes `file` (`content`) atomically and commits
    // it when asked; returns the path written. `report`, when given, is made after the checks and
    // before the write (a failure in it leaves nothing written), and printed after the write and
    // before the commit.
    store::fs::path save(std::string_view file, const std::string& content, const std::string& message,
                         const std::function<std::string()>& report = {});

private:
    const Context& ctx_;
    store::CaseFolder folder_;
    std::unique_ptr<store::FolderLock> lock_;
    model::Case before_;
    model::Case after_;
};

// Before a write: throws the first problem rules::check_case finds in the case as it would be (`c`).
// A problem in the file about to be written names its field; one in a file already on disk, its path
// and line too. Recorded facts of the file being written may not be dated after `today`, unless
// `recorded` (the case as on disk; null for a case not yet written) already holds them.
void refuse_case_problems(const store::CaseFolder& folder, const model::Case* recorded, const model::Case& c,
                          std::string_view writing_file, calendar::Date today);
// Every problem refuse_case_problems would refuse, in the order found (the first is the one it throws).
std::vector<rules::Problem> case_problems(const model::Case* recorded, const model::Case& c,
                                          std::string_view writing_file, calendar::Date today);
// Before a write (refuse_case_problems calls it): throws unless the engine can count every deadline
// of the case as it would be; a date outside the calendar is named by its field (rules::outside_calendar).
void refuse_uncountable_case(const store::CaseFolder& folder, const model::Case& c, std::string_view writing_file,
                             calendar::Date today);

}  // namespace cspr::cli
