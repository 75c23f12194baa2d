
import React from "react";
import { render } from "react-dom";
import {
  Box,
  Button,
  ButtonGroup,
  CSSReset,
  Heading,
  Icon,
  Link,
  ThemeProvider,
  theme,
  FormControl,
  FormLabel,
  FormErrorMessage,
  Input,
  Checkbox,
  Progress,
  Radio,
  RadioGroup,
  Stack,
  Textarea,
} from "@chakra-ui/core";
import { Form, Field, useField, useForm } from "react-final-form";
import validate from "./validate";


































































































































































































































