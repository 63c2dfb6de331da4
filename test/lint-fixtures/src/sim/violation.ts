// Deliberate boundary violations: test/unit/lint-boundary.test.ts proves `eslint` rejects each one.
import { create } from 'zustand';
import { useState } from 'react';

export const store = create(() => ({ n: 0 }));
export const hook = useState;
export const now = Date.now();
export const roll = Math.random();
export const title = document.title;
export const later = new Date();
