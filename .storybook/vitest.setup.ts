import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview';

// Apply the project's Storybook annotations (decorators, a11y test level) to the stories run as tests.
setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
