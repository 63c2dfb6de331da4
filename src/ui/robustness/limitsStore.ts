// The limits in effect on this page, kept in their own small store so that the shared app store stays untouched.
// Saved settings live in localStorage ('replay-inspector:limits'); URL parameters override them for one visit.
import { create } from 'zustand';
import { DEFAULT_UI_LIMITS, parseLimits, resolveLimits, type UiLimits } from './limits';

export const LIMITS_STORAGE_KEY = 'replay-inspector:limits';

function savedLimits(): Partial<UiLimits> {
  try {
    const text = localStorage.getItem(LIMITS_STORAGE_KEY);
    return text ? parseLimits(JSON.parse(text)) : {};
  } catch {
    return {};
  }
}

function urlLimits(): Partial<UiLimits> {
  try {
    return parseLimits(new URLSearchParams(location.search));
  } catch {
    return {};
  }
}

interface LimitsState {
  limits: UiLimits;
  /** Saves the given limits (validated) and applies them; reset with `null`. */
  save(next: Partial<UiLimits> | null): void;
}

export const useLimits = create<LimitsState>((set) => ({
  limits: typeof window === 'undefined' ? DEFAULT_UI_LIMITS : resolveLimits(savedLimits(), urlLimits()),
  save: (next) => {
    const valid = next ? parseLimits(next) : {};
    try {
      if (next) localStorage.setItem(LIMITS_STORAGE_KEY, JSON.stringify(valid));
      else localStorage.removeItem(LIMITS_STORAGE_KEY);
    } catch {
      // Storage disabled: the limits still apply to this page.
    }
    set({ limits: resolveLimits(valid, urlLimits()) });
  },
}));

export const currentLimits = (): UiLimits => useLimits.getState().limits;
