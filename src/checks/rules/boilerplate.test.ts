import { ruleTester } from '../tester.js';
import { boilerplate } from './boilerplate.js';

const SOURCE = 'Nearly 300 trains were cancelled across Germany on Tuesday.';

ruleTester(boilerplate, {
  valid: [
    {
      name: 'no page furniture',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday.',
    },
  ],
  invalid: [
    {
      name: 'comment form, one finding per span',
      source: SOURCE,
      derived:
        'Almost 300 trains were cancelled across Germany on Tuesday.\n\nLeave a Comment\n\nYour email address will not be published. Required fields are marked *',
      errors: [
        { messageId: 'boilerplate', source: null, derived: 'Leave a Comment' },
        {
          messageId: 'boilerplate',
          source: null,
          derived: 'Your email address will not be published. Required fields are marked *',
        },
      ],
    },
  ],
});
