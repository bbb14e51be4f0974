// The one error type every layer throws and `main` catches.
#pragma once

#include <stdexcept>
#include <string>

namespace cspr {

// Where a problem lies: any part may be empty (a command-line argument has no file or line).
struct Location {
    std::string file;
    int line = 0;  // 1-based; 0 when unknown
    std::string field;
};

// Exit codes shared by every subcommand.
enum ExitCode : int {
    kExitOk = 0,
    kExitNo = 1,     // the answer is "no": overdue, check failed, not a working day
    kExitError = 2,  // usage or data error
};

// A usage or data error. what() reads `file:line: field: message`, leaving out the parts not known,
// so that every error is a single line naming where to look.
class Error : public std::runtime_error {
public:
    explicit Error(std::string message, Location where = {});

    const Location& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

private:
    Location where_;
    std::string message_;
};

std::string format_error(const Location& where, const std::string& message);
// A field path as a message gives it, counted from 1: "family[0].name" becomes "family[1].name".
std::string counted_from_one(const std::string& field);

}  // namespace cspr
