import { isPostStep, markMainStep } from './action/post-state';

// One bundle for both steps of the action (action.yml names dist/index.js for main and post), told
// apart by a state the main step saves first thing, as actions/checkout does: the post step loads
// the main step's @actions/core and chunks instead of a second copy of them.
if (isPostStep()) {
  void import('./post').then((step) => step.post());
} else {
  markMainStep();
  void import('./action/main').then((step) => step.run());
}
