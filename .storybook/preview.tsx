import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Accessibility violations fail the story's test (run by @storybook/addon-vitest).
    a11y: { test: 'error' },
    options: { storySort: { order: ['Docs', ['Getting started', 'Label schema', 'Annotation model'], 'React', 'Image', 'Text', 'Audio'] } },
  },
  globalTypes: {
    theme: {
      description: 'labelkit theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (Story, context) => (
      <div data-labelkit-theme={context.globals.theme as string} style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box', background: context.globals.theme === 'dark' ? '#14161a' : '#ffffff' }}>
        <Story />
      </div>
    ),
  ],
  tags: ['autodocs'],
};
export default preview;
