#pragma once
// A non-owning reference to something callable, for the toolkit verbs that call a figure's
// function while they run and keep nothing of it (curve, surface, sample_grid …). It is two
// words, a pointer to the callable and a pointer to one small function that calls it, so a figure
// passing a lambda compiles one such function per lambda. std::function compiled a manager per
// lambda (copy, destroy, call, target) and a table of them, which cost every figure's WebAssembly
// a few hundred bytes per lambda, more again in a side module, where each table entry is
// relocated when the module loads.
// It refers to the callable passed to it: valid while that lives, which for a lambda written in
// the call's argument list is until the call returns. Never keep one beyond the call: what the
// toolkit keeps (Timeline's can_step) is a SmallFunction, below.
#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace mml {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  // Any callable object (lambda, functor, std::function) or function, taken by reference.
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> && std::is_invocable_r_v<R, F&, Args...>)
  FunctionRef(F&& f) noexcept {  // NOLINT(google-explicit-constructor): passed like std::function
    if constexpr (std::is_function_v<std::remove_reference_t<F>>) {
      target_.function = reinterpret_cast<void (*)()>(&f);
      call_ = [](Target t, Args... args) -> R {
        return reinterpret_cast<std::add_pointer_t<std::remove_reference_t<F>>>(t.function)(
            std::forward<Args>(args)...);
      };
    } else if constexpr (std::is_pointer_v<std::remove_cvref_t<F>> &&
                         std::is_function_v<std::remove_pointer_t<std::remove_cvref_t<F>>>) {
      target_.function = reinterpret_cast<void (*)()>(f);  // a function pointer: keep its value
      call_ = [](Target t, Args... args) -> R {
        return reinterpret_cast<std::remove_cvref_t<F>>(t.function)(std::forward<Args>(args)...);
      };
    } else {
      target_.object = const_cast<void*>(static_cast<const void*>(std::addressof(f)));
      call_ = [](Target t, Args... args) -> R {
        return (*static_cast<std::remove_reference_t<F>*>(t.object))(std::forward<Args>(args)...);
      };
    }
  }

  R operator()(Args... args) const { return call_(target_, std::forward<Args>(args)...); }

 private:
  union Target {
    void* object;
    void (*function)();
  };
  Target target_;
  R (*call_)(Target, Args...);
};

// A callable kept by value, for what the toolkit stores from a figure (Timeline's can_step):
// small, trivially copyable callables only (a lambda capturing `this` or a pointer or two, a
// function pointer), so copying it copies bytes and there is nothing to destroy, and a figure's
// lambda costs one small call function, as with FunctionRef. Empty by default: `if (f)` says
// whether one is set.
template <class Signature>
class SmallFunction;

template <class R, class... Args>
class SmallFunction<R(Args...)> {
 public:
  SmallFunction() = default;
  SmallFunction(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, SmallFunction> && std::is_trivially_copyable_v<F> &&
             sizeof(F) <= 2 * sizeof(void*) && alignof(F) <= alignof(void*) &&
             std::is_invocable_r_v<R, const F&, Args...>)
  SmallFunction(F f) noexcept  // NOLINT(google-explicit-constructor): assigned like std::function
      : call_([](const void* storage, Args... args) -> R {
          return (*static_cast<const F*>(storage))(std::forward<Args>(args)...);
        }) {
    ::new (static_cast<void*>(storage_)) F(f);
  }

  explicit operator bool() const { return call_ != nullptr; }
  R operator()(Args... args) const { return call_(storage_, std::forward<Args>(args)...); }

 private:
  alignas(void*) unsigned char storage_[2 * sizeof(void*)] = {};
  R (*call_)(const void*, Args...) = nullptr;
};

}  // namespace mml
