// Status: the error type of the khabar library. The library never throws across
// its API; fallible calls return a Status (or StatusOr<T>) whose message names
// the file, line and rule where the problem is.
//
// Thread safety: value type, freely copyable. Cost: one std::string.
#ifndef KHABAR_STATUS_H_
#define KHABAR_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace khabar {

class Status {
 public:
  Status() = default;  // OK
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !error_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : error_(true), message_(std::move(message)) {}
  bool error_ = false;
  std::string message_;
};

// A value or an error. Access value() only when ok().
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace khabar

#endif  // KHABAR_STATUS_H_
