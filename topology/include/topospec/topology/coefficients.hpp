/// \file
/// \ingroup topology
/// Coefficient rings for homology: Q, Z (free rank + torsion), Z/p for a prime p < 2^31.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace topospec {

/// A coefficient ring: the rationals, the integers or the prime field Z/p.
struct Coefficients {
  /// Which ring.
  enum class Kind { Q /**< the rationals */, Z /**< the integers */, Zp /**< Z/p, p prime */ };
  Kind kind = Kind::Q;  ///< the ring
  std::uint32_t p = 0;  ///< the prime, for Kind::Zp (Z2 is Zp with p = 2)

  /// Q.
  static Coefficients rationals() { return {Kind::Q, 0}; }
  /// Z.
  static Coefficients integers() { return {Kind::Z, 0}; }
  /// Z/p. Throws InvalidInput when p is not a prime below 2^31.
  static Coefficients prime_field(std::uint64_t p);
  /// Parses "Q", "Z", "Z2", `Zp:<prime>` (the CASES.md spellings). Throws InvalidInput.
  static Coefficients parse(std::string_view text);

  std::string name() const;  ///< the CASES.md spelling
  /// Same ring (kind and prime).
  bool operator==(const Coefficients&) const = default;
};

/// Deterministic primality test for 64-bit integers.
bool is_prime(std::uint64_t n);

}  // namespace topospec
