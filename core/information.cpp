#include "core/information.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/probability.hpp"

namespace mml {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

double surprisal_bits(double p) {
  if (!(p > 0)) return kInfinity;
  return p >= 1 ? 0 : -std::log2(p);
}

double entropy_bits(std::span<const double> p_in) {
  double h = 0;
  for (double p : normalized(p_in))
    if (p > 0) h -= p * std::log2(p);
  return std::max(h, 0.0);  // rounding could leave −1e-17 for a certain outcome
}

double binary_entropy_bits(double p) {
  const double coin[2] = {std::clamp(p, 0.0, 1.0), 1 - std::clamp(p, 0.0, 1.0)};
  return entropy_bits(coin);
}

double cross_entropy_bits(std::span<const double> p_in, std::span<const double> q_in) {
  const std::vector<double> p = normalized(p_in), q = normalized(q_in);
  double h = 0;
  for (std::size_t i = 0; i < std::min(p.size(), q.size()); ++i) {
    if (p[i] == 0) continue;  // outcomes that never happen cost nothing, whatever q says
    if (q[i] == 0) return kInfinity;
    h -= p[i] * std::log2(q[i]);
  }
  return std::max(h, 0.0);
}

double kl_divergence_bits(std::span<const double> p_in, std::span<const double> q_in) {
  const std::vector<double> p = normalized(p_in), q = normalized(q_in);
  double d = 0;
  for (std::size_t i = 0; i < std::min(p.size(), q.size()); ++i) {
    if (p[i] == 0) continue;
    if (q[i] == 0) return kInfinity;
    d += p[i] * std::log2(p[i] / q[i]);
  }
  return std::max(d, 0.0);  // Gibbs: never below 0; clamp the last-bit rounding
}

int first_ruled_out(std::span<const double> p_in, std::span<const double> q_in) {
  const std::vector<double> p = normalized(p_in), q = normalized(q_in);
  for (std::size_t i = 0; i < std::min(p.size(), q.size()); ++i)
    if (p[i] > 0 && q[i] == 0) return int(i);
  return -1;
}

PrefixCode huffman_code(std::span<const double> p_in) {
  const std::vector<double> p = normalized(p_in);
  PrefixCode code;
  code.lengths.assign(p.size(), 0);
  code.words.assign(p.size(), "");
  // Each group: its total probability and the outcomes in it. Groups are few (k ≤ a dozen in the
  // figures), so finding the two smallest by scanning is simpler than a heap and just as fast.
  struct Group {
    double weight;
    std::vector<std::size_t> members;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (p[i] > 0) groups.push_back({p[i], {i}});
  while (groups.size() > 1) {
    // The two lightest groups; strict < keeps the earliest on ties (lower index, older group).
    std::size_t a = 0;
    for (std::size_t g = 1; g < groups.size(); ++g)
      if (groups[g].weight < groups[a].weight) a = g;
    std::size_t b = a == 0 ? 1 : 0;
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (g != a && groups[g].weight < groups[b].weight) b = g;
    for (std::size_t i : groups[a].members) ++code.lengths[i];
    for (std::size_t i : groups[b].members) ++code.lengths[i];
    Group merged{groups[a].weight + groups[b].weight, groups[a].members};
    for (std::size_t i : groups[b].members) merged.members.push_back(i);
    groups.erase(groups.begin() + std::ptrdiff_t(std::max(a, b)));
    groups.erase(groups.begin() + std::ptrdiff_t(std::min(a, b)));
    groups.push_back(std::move(merged));
  }
  // Canonical codewords: outcomes in (length, index) order count upward in binary, shifting left
  // whenever the length grows. Same lengths give the same words on every machine. (That order by
  // walking the lengths: no sort to compile, and lengths are at most k − 1.)
  int longest = 0;
  for (int n : code.lengths) longest = std::max(longest, n);
  std::string word;  // the previous codeword; strings, so any length works
  for (int length = 1; length <= longest; ++length)
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (code.lengths[i] != length) continue;
      if (word.empty()) {
        word.assign(std::size_t(length), '0');
      } else {
        // Binary +1, then pad with zeros to the new length.
        std::size_t bit = word.size();
        while (bit > 0 && word[bit - 1] == '1') word[--bit] = '0';
        if (bit > 0) word[bit - 1] = '1';
        word.resize(std::size_t(length), '0');
      }
      code.words[i] = word;
    }
  for (std::size_t i = 0; i < p.size(); ++i) code.average_length += p[i] * code.lengths[i];
  return code;
}

}  // namespace mml
