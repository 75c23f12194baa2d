



import '@testing-library/jest-dom/extend-expect';
