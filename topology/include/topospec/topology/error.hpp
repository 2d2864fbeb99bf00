/// \file
/// \ingroup topology
/// The one exception hierarchy of topospec. The command line maps each kind to an exit code
/// (InvalidInput → 2, ResourceLimit → 3, everything else → 1); the library never exits.
#pragma once

#include <stdexcept>
#include <string>

namespace topospec {

/// Base of every exception topospec throws; catch it to handle all of them. Thrown as itself
/// for misuse that is not bad user input (e.g.\ an unfiltered complex where a filtration is
/// needed) and for a cancelled computation.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input. `where` names the place: a JSON pointer ("/input/simplices/3/1"), "file:line", or
/// a parameter name. what() already includes it.
class InvalidInput : public Error {
 public:
  /// what() is "where: message", or the message alone when `where` is empty.
  InvalidInput(std::string where, std::string message)
      : Error(where.empty() ? message : where + ": " + message),
        where_(std::move(where)),
        message_(std::move(message)) {}
  /// The place of the error (JSON pointer, "file:line" or parameter name); may be empty.
  const std::string& where() const noexcept { return where_; }
  /// The message without the place, so that a caller can re-throw with a fuller place.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string where_;
  std::string message_;
};

/// A computation that would exceed a memory or size budget; the message carries the estimate.
class ResourceLimit : public Error {
 public:
  using Error::Error;
};

/// A numerical method that did not converge or whose result failed its own check.
class NumericalFailure : public Error {
 public:
  using Error::Error;
};

/// A GPU was requested but none is usable at run time.
class DeviceUnavailable : public Error {
 public:
  using Error::Error;
};

/// A feature that this build does not contain (e.g.\ CUDA with TOPOSPEC_CUDA=OFF).
class NotCompiled : public Error {
 public:
  using Error::Error;
};

}  // namespace topospec
