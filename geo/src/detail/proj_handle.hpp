#pragma once
// RAII for PROJ's C handles: one context per owner (PROJ contexts are not thread-safe).
#include <proj.h>

#include <memory>

namespace dothi::geo::detail {

struct ContextDeleter {
  void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
using ProjContext = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;

/// A PJ bound to the context it was made in (PROJ needs the context to destroy it).
class ProjObject {
 public:
  ProjObject() = default;
  ProjObject(PJ_CONTEXT* ctx, PJ* pj) : m_ctx(ctx), m_pj(pj) {}
  ProjObject(ProjObject&& o) noexcept : m_ctx(o.m_ctx), m_pj(o.m_pj) { o.m_pj = nullptr; }
  ProjObject& operator=(ProjObject&& o) noexcept {
    if (this != &o) {
      reset();
      m_ctx = o.m_ctx;
      m_pj = o.m_pj;
      o.m_pj = nullptr;
    }
    return *this;
  }
  ProjObject(const ProjObject&) = delete;
  ProjObject& operator=(const ProjObject&) = delete;
  ~ProjObject() { reset(); }

  [[nodiscard]] PJ* get() const { return m_pj; }
  explicit operator bool() const { return m_pj != nullptr; }
  void reset() {
    if (m_pj) proj_destroy(m_pj);
    m_pj = nullptr;
  }

 private:
  PJ_CONTEXT* m_ctx = nullptr;
  PJ* m_pj = nullptr;
};

}  // namespace dothi::geo::detail
