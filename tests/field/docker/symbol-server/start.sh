#!/bin/sh

