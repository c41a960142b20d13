// FunctionRef (calls what it refers to, never copies it) and SmallFunction (keeps a copy of a
// small callable): what the toolkit's verbs take from figures instead of std::function.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "core/function_ref.hpp"

using namespace mml;

namespace {

double twice(double x) { return 2 * x; }
double call_at_3(FunctionRef<double(double)> f) { return f(3); }

struct Counter {
  int calls = 0;
  int operator()(int x) { return x + ++calls; }
};

}  // namespace

TEST_CASE("FunctionRef calls lambdas, functions, function pointers and std::function") {
  const double k = 1.5;
  CHECK(call_at_3([k](double x) { return k * x; }) == 4.5);
  CHECK(call_at_3(twice) == 6);
  double (*pointer)(double) = twice;
  CHECK(call_at_3(pointer) == 6);
  CHECK(call_at_3(static_cast<double (*)(double)>(std::sqrt)) == std::sqrt(3.0));
  const std::function<double(double)> held = [](double x) { return x * x; };
  CHECK(call_at_3(held) == 9);
  // The return converts as for std::function: an int result read as double.
  CHECK(call_at_3([](double x) { return int(x) + 1; }) == 4);
}

TEST_CASE("FunctionRef refers to its callable: state changes are seen, nothing is copied") {
  Counter c;
  FunctionRef<int(int)> f = c;
  CHECK(f(10) == 11);
  CHECK(f(10) == 12);
  CHECK(c.calls == 2);  // the caller's object counted the calls, not a copy
  // Reference arguments pass through as references.
  int seen = 0;
  const auto store = [&seen](const int& v) { seen = v; };
  FunctionRef<void(const int&)> g = store;
  g(7);
  CHECK(seen == 7);
}

TEST_CASE("SmallFunction keeps a copy, is empty by default and copies as bytes") {
  SmallFunction<bool(long long)> none;
  CHECK_FALSE(none);
  SmallFunction<bool(long long)> also_none = nullptr;
  CHECK_FALSE(also_none);

  long long last = 5;
  SmallFunction<bool(long long)> below = [&last](long long s) { return s < last; };
  REQUIRE(below);
  CHECK(below(4));
  CHECK_FALSE(below(5));
  last = 8;  // it captured a reference: the copy sees the change
  CHECK(below(7));

  const SmallFunction<bool(long long)> copy = below;
  CHECK(copy(7));
  CHECK_FALSE(copy(8));

  // A lambda's own captured values travel with the copy.
  const int limit = 3;
  SmallFunction<bool(long long)> by_value = [limit](long long s) { return s < limit; };
  const SmallFunction<bool(long long)> moved = by_value;
  CHECK(moved(2));
  CHECK_FALSE(moved(3));

  bool (*negative)(long long) = [](long long s) { return s < 0; };
  SmallFunction<bool(long long)> from_pointer = negative;
  CHECK(from_pointer(-1));
  CHECK_FALSE(from_pointer(0));
}
