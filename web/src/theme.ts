import {
  Alert,
  Anchor,
  Drawer,
  Menu,
  Modal,
  Notification,
  createTheme,
  darken,
  type CSSVariablesResolver,
} from '@mantine/core';

const close = { 'aria-label': 'Fermer' };

/**
 * WCAG 2.1 AA: filled colours are shade 8 and pick black or white text by luminance (threshold at
 * the point where both give the same contrast, so each gets ≥ 4.5:1); text drawn in a colour on a
 * light background (light/outline variants, coloured text) uses a darkened shade 9.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  focusRing: 'auto',
  respectReducedMotion: true,
  // French names for the icon-only buttons; no focus placeholder without a role inside menus (axe).
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: close } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: close } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Fermer' } }),
    // Links inside text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-disabled-color': 'var(--mantine-color-gray-7)',
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    const text = darken(shades[9], 0.35);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
  }
  return { variables: {}, light, dark: {} };
};
