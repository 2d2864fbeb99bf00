// Coefficient rings for homology: Q, Z (free rank + torsion), Z/p for a prime p < 2^31.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace topospec {

struct Coefficients {
  enum class Kind { Q, Z, Zp };
  Kind kind = Kind::Q;
  std::uint32_t p = 0;  // the prime, for Kind::Zp (Z2 is Zp with p = 2)

  static Coefficients rationals() { return {Kind::Q, 0}; }
  static Coefficients integers() { return {Kind::Z, 0}; }
  // Throws InvalidInput when p is not a prime below 2^31.
  static Coefficients prime_field(std::uint64_t p);
  // "Q", "Z", "Z2", "Zp:<prime>" (the CASES.md spellings). Throws InvalidInput.
  static Coefficients parse(std::string_view text);

  std::string name() const;  // the CASES.md spelling
  bool operator==(const Coefficients&) const = default;
};

// Deterministic primality test for 64-bit integers.
bool is_prime(std::uint64_t n);

}  // namespace topospec
